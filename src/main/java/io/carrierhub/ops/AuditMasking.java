package io.carrierhub.ops;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what an audit record must not keep: the values of the configured fields in XML (elements and attributes,
 * with or without a namespace prefix) and JSON (strings, numbers, literals), and every configured secret wherever it
 * appears. Works on the text as sent, so that a body that is neither well-formed XML nor JSON is masked too.
 *
 * <p>Where an element, attribute or field can start (a '<', a blank, a '"'), its name is read first, and its pattern
 * is tried only for a configured name. Patterns with the names in them, tried by the regex engine at every character
 * of a body, took 5% of the hub's CPU, four to five times as long on Bring's bodies. A name is a whole token of the
 * characters field names have, so the name read at a place is the one such a pattern would find there.
 */
public class AuditMasking {

    static final String MASK = "***";

    private static final String PREFIX = "(?:[\\w.-]++:)?";
    private static final String NAME = "([\\w.-]++)";
    /** What {@code \s} matches. */
    private static final String BLANKS = " \t\n\u000B\f\r";
    private static final Pattern XML_ELEMENT = Pattern.compile("<" + PREFIX + NAME + "(?:\\s[^>]*)?>([^<]*)</");
    private static final Pattern XML_ATTRIBUTE = Pattern.compile("\\s" + PREFIX + NAME + "\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern JSON_FIELD = Pattern.compile("\"" + NAME + "\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[\\w.+-]+)");

    private final Set<String> fields = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final List<String> secrets;

    /** @throws IllegalArgumentException for a field name of other characters than letters, digits, '_', '.' and '-' */
    public AuditMasking(Collection<String> fields, Collection<String> secrets) {
        for (String field : fields) {
            if (field.isEmpty() || tokenEnd(field, 0) != field.length()) {
                throw new IllegalArgumentException("hub.audit.masked-fields: '" + field
                        + "' is no field name (letters, digits, '_', '.' and '-')");
            }
            this.fields.add(field);
        }
        // the longest first, so that a secret containing another is masked whole
        this.secrets = secrets.stream().filter(secret -> secret != null && secret.length() >= 4).distinct()
                .sorted((a, b) -> b.length() - a.length()).toList();
    }

    public String mask(String body) {
        if (body == null) {
            return null;
        }
        String masked = maskValues(XML_ELEMENT, "<", body, MASK);
        masked = maskValues(XML_ATTRIBUTE, BLANKS, masked, "\"" + MASK + "\"");
        masked = maskValues(JSON_FIELD, "\"", masked, "\"" + MASK + "\"");
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /**
     * The text with the value (group 2) of each match whose name (group 1) is configured replaced by {@code mask}; a
     * match starts with one of {@code starts}.
     */
    private String maskValues(Pattern pattern, String starts, String text, String mask) {
        Matcher match = pattern.matcher(text);
        StringBuilder masked = null;
        int copied = 0;
        for (int at = next(starts, text, 0); at >= 0; ) {
            String name = nameAt(text, at);
            if (name != null && fields.contains(name) && match.region(at, text.length()).lookingAt()) {
                if (masked == null) {
                    masked = new StringBuilder(text.length());
                }
                masked.append(text, copied, match.start(2)).append(mask);
                copied = match.end(2);
                at = next(starts, text, match.end());
            } else {
                at = next(starts, text, at + 1);
            }
        }
        return masked == null ? text : masked.append(text, copied, text.length()).toString();
    }

    /**
     * The name a match starting at {@code at} would have, read before the pattern is tried: the token after the start
     * character, or after its prefix when a ':' ends that token; null if there is none.
     */
    private static String nameAt(String text, int at) {
        int start = at + 1;
        int end = tokenEnd(text, start);
        if (end > start && end < text.length() && text.charAt(end) == ':') {
            start = end + 1;
            end = tokenEnd(text, start);
        }
        return end > start ? text.substring(start, end) : null;
    }

    private static int tokenEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isNameCharacter(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** A character of {@code [\w.-]}. */
    private static boolean isNameCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /** Where the next of {@code starts} is in the text from {@code from}; -1 if none is. */
    private static int next(String starts, String text, int from) {
        if (starts.length() == 1) {
            return text.indexOf(starts.charAt(0), from);
        }
        for (int at = from; at < text.length(); at++) {
            if (starts.indexOf(text.charAt(at)) >= 0) {
                return at;
            }
        }
        return -1;
    }
}

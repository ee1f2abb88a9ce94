package io.carrierhub.ops;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks what an audit record must not keep: the values of the configured fields in XML (elements and attributes,
 * with or without a namespace prefix) and JSON (strings, numbers, literals), and every configured secret wherever it
 * appears. Works on the text as sent, so that a body that is neither well-formed XML nor JSON is masked too.
 */
public class AuditMasking {

    static final String MASK = "***";

    private final Pattern xmlElement;
    private final Pattern xmlAttribute;
    private final Pattern jsonField;
    private final List<String> secrets;

    public AuditMasking(Collection<String> fields, Collection<String> secrets) {
        String names = fields.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        String any = fields.isEmpty() ? "(?!)" : "(?:" + names + ")";
        xmlElement = Pattern.compile("(<(?:[\\w.-]+:)?" + any + "(?:\\s[^>]*)?>)([^<]*)(</)", Pattern.CASE_INSENSITIVE);
        xmlAttribute = Pattern.compile("(\\s(?:[\\w.-]+:)?" + any + "\\s*=\\s*)(\"[^\"]*\"|'[^']*')", Pattern.CASE_INSENSITIVE);
        jsonField = Pattern.compile("(\"" + any + "\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|-?[\\w.+-]+)", Pattern.CASE_INSENSITIVE);
        // the longest first, so that a secret containing another is masked whole
        this.secrets = secrets.stream().filter(secret -> secret != null && secret.length() >= 4).distinct()
                .sorted((a, b) -> b.length() - a.length()).toList();
    }

    public String mask(String body) {
        if (body == null) {
            return null;
        }
        String masked = xmlElement.matcher(body).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK + match.group(3)));
        masked = xmlAttribute.matcher(masked).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "\"" + MASK + "\""));
        masked = jsonField.matcher(masked).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "\"" + MASK + "\""));
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}

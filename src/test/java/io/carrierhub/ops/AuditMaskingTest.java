package io.carrierhub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AuditMaskingTest {

    final AuditMasking masking = new AuditMasking(List.of("name", "email", "apiKey", "MobilePhone"), List.of("s3cret-value"));

    @Test
    void masksXmlElementsWithOrWithoutPrefixAndAttributes() {
        assertThat(masking.mask("<Receiver><Name>Kari Nordmann</Name><b:Email>kari@example.no</b:Email>"
                + "<Party name=\"Kari\" city=\"Oslo\"/><MobilePhone>87654321</MobilePhone><City>Oslo</City></Receiver>"))
                .isEqualTo("<Receiver><Name>***</Name><b:Email>***</b:Email><Party name=\"***\" city=\"Oslo\"/>"
                        + "<MobilePhone>***</MobilePhone><City>Oslo</City></Receiver>");
    }

    @Test
    void masksJsonStringsNumbersAndEscapedQuotes() {
        assertThat(masking.mask("{\"Name\": \"Kari \\\"K\\\" Nordmann\", \"mobilePhone\": 87654321, \"City\": \"Oslo\"}"))
                .isEqualTo("{\"Name\": \"***\", \"mobilePhone\": \"***\", \"City\": \"Oslo\"}");
    }

    @Test
    void masksConfiguredSecretsWhereverTheyAre() {
        assertThat(masking.mask("token=s3cret-value&x=1")).isEqualTo("token=***&x=1");
        assertThat(masking.mask(null)).isNull();
    }

    @Test
    void refusesAFieldNameThatNoElementAttributeOrJsonKeyOfItsCharactersCouldHave() {
        assertThatThrownBy(() -> new AuditMasking(List.of("contact name"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'contact name'");
    }

    /**
     * The masking finds names as a whole token and checks them against the configured ones; it must mask exactly what
     * a pattern with the names in it masks, on the carriers' bodies and on text that is barely XML or JSON.
     */
    @Test
    void masksWhatAPatternOfTheConfiguredNamesMasks() throws IOException {
        List<String> fields = List.of("apiKey", "api-key", "password", "client_secret", "token", "name", "contact",
                "contactName", "phone", "email", "addressLine", "addressLine2", "street1", "accountNumber");
        AuditMasking masking = new AuditMasking(fields, List.of());
        NamesInPatterns oracle = new NamesInPatterns(fields);
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String body = Files.readString(file);
                assertThat(masking.mask(body)).as(file.toString()).isEqualTo(oracle.mask(body));
            }
        }
        String[] pieces = {"<", ">", "</", "/>", ":", "b:", "=", " ", "\n", "\"", "'", "\\", "{", "}", ",", "x", "Name",
                "NAME", "name2", "addressLine", "AddressLine2", "api-key", "client_secret", "contactName", "contact", "42",
                "-1.5e3", "true", "phone", "Email", "token", "a.b"};
        Random random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(40); length > 0; length--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String body = text.toString();
            assertThat(masking.mask(body)).as(body).isEqualTo(oracle.mask(body));
        }
    }

    /** Masking by patterns with the names in them, as the names' alternation finds them (case-insensitive). */
    private static final class NamesInPatterns {

        private final Pattern xmlElement;
        private final Pattern xmlAttribute;
        private final Pattern jsonField;

        NamesInPatterns(List<String> fields) {
            String any = "(?:" + fields.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")";
            xmlElement = Pattern.compile("(<(?:[\\w.-]+:)?" + any + "(?:\\s[^>]*)?>)([^<]*)(</)", Pattern.CASE_INSENSITIVE);
            xmlAttribute = Pattern.compile("(\\s(?:[\\w.-]+:)?" + any + "\\s*=\\s*)(\"[^\"]*\"|'[^']*')", Pattern.CASE_INSENSITIVE);
            jsonField = Pattern.compile("(\"" + any + "\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|-?[\\w.+-]+)", Pattern.CASE_INSENSITIVE);
        }

        String mask(String body) {
            String masked = xmlElement.matcher(body).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "***" + match.group(3)));
            masked = xmlAttribute.matcher(masked).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "\"***\""));
            return jsonField.matcher(masked).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "\"***\""));
        }
    }
}

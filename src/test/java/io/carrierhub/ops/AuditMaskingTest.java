package io.carrierhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}

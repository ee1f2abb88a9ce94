package io.carrierhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void selectsByOrderIdAndErrorCodeWithQuotesEscaped() {
        assertThat(DeadLetters.selector(null, " ")).isNull();
        assertThat(DeadLetters.selector("SO-1", null)).isEqualTo("HubOrderId = 'SO-1'");
        assertThat(DeadLetters.selector("O'Brien", "CARRIER_VALIDATION"))
                .isEqualTo("HubOrderId = 'O''Brien' AND HubErrorCode = 'CARRIER_VALIDATION'");
    }
}

package io.carrierhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CallbackSignerTest {

    private final CallbackSigner signer = new CallbackSigner("erp-secret",
            Clock.fixed(Instant.ofEpochSecond(1_764_680_000L, 999_000_000), ZoneOffset.UTC));

    @Test
    void theTimestampIsWholeSecondsSinceTheEpoch() {
        assertThat(signer.timestamp()).isEqualTo("1764680000");
    }

    /** The expected value comes from openssl: printf '%s' '1764680000.&lt;tmsEvent/&gt;' | openssl dgst -sha256 -hmac erp-secret */
    @Test
    void theSignatureIsTheHmacOfTimestampDotBody() {
        assertThat(signer.sign("1764680000", "<tmsEvent/>"))
                .isEqualTo("sha256=1ee7bebc7273b39466cae39185d9e30cbf807c2d2bf075bdb5a2ef04f2d34a10");
    }
}

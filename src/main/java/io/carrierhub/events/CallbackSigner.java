package io.carrierhub.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs an event posted to the ERP: HMAC-SHA256, keyed with the shared secret, over "&lt;timestamp&gt;.&lt;body&gt;"
 * (docs/operations.md says how the ERP checks it). The timestamp lets the ERP refuse an old request played again.
 */
public class CallbackSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    public CallbackSigner(String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    /** Now, in seconds since the epoch: the X-Hub-Timestamp of a request. */
    public String timestamp() {
        return Long.toString(clock.instant().getEpochSecond());
    }

    /** The X-Hub-Signature of a request: {@code sha256=<hex>}. */
    public String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
        }
    }
}

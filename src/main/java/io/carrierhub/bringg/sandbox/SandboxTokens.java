package io.carrierhub.bringg.sandbox;

import io.carrierhub.sandbox.IssuedTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Bringg's JWT-like bearer tokens (HS256 over Bringg's claims), refused in Bringg's words. */
final class SandboxTokens extends IssuedTokens {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key = new byte[32];

    SandboxTokens(Clock clock, Duration lifetime) {
        super(clock, lifetime);
        new SecureRandom().nextBytes(key);
    }

    String issue(String clientId) {
        return issue((at, expiry) -> {
            String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
            String claims = encode("{\"jti\":\"%s\",\"sub\":\"U:%s\",\"iat\":%d,\"exp\":%d,\"iss\":\"urn:x-bringg:service:api\",\"scp\":[\"fleet\"],\"ver\":\"2.0\"}"
                    .formatted(UUID.randomUUID(), clientId, at.getEpochSecond(), expiry.getEpochSecond()));
            return header + "." + claims + "." + sign(header + "." + claims);
        });
    }

    /** Why the token is refused, or null when it is valid. */
    String refusal(String token) {
        return switch (state(token)) {
            case UNKNOWN -> "Invalid token";
            case EXPIRED -> "Token expired";
            case VALID -> null;
        };
    }

    private String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return BASE64.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return BASE64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

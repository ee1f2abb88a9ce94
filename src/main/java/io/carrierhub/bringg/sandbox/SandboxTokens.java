package io.carrierhub.bringg.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JWT-like bearer tokens (HS256 over Bringg's claims), each valid for the lifetime in force when it was issued. */
final class SandboxTokens {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock;
    private final Duration configured;
    private final byte[] key = new byte[32];
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private volatile Duration lifetime;
    private volatile int issued;

    SandboxTokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.configured = lifetime;
        this.lifetime = lifetime;
        new SecureRandom().nextBytes(key);
    }

    String issue(String clientId) {
        Instant now = clock.instant();
        Instant expiry = now.plus(lifetime);
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = encode("{\"jti\":\"%s\",\"sub\":\"U:%s\",\"iat\":%d,\"exp\":%d,\"iss\":\"urn:x-bringg:service:api\",\"scp\":[\"fleet\"],\"ver\":\"2.0\"}"
                .formatted(UUID.randomUUID(), clientId, now.getEpochSecond(), expiry.getEpochSecond()));
        String token = header + "." + claims + "." + sign(header + "." + claims);
        expiries.put(token, expiry);
        issued++;
        return token;
    }

    long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    /** Why the token is refused, or null when it is valid. */
    String refusal(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        if (expiry == null) {
            return "Invalid token";
        }
        return clock.instant().isBefore(expiry) ? null : "Token expired";
    }

    void revokeAll() {
        expiries.clear();
    }

    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    Map<String, Object> view() {
        Instant now = clock.instant();
        return Map.of("issued", issued, "valid", expiries.values().stream().filter(now::isBefore).count(), "lifetimeSeconds", lifetime.toSeconds());
    }

    void reset() {
        expiries.clear();
        lifetime = configured;
        issued = 0;
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

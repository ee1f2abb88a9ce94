package io.carrierhub.drivoo.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bearer tokens the sandbox's OAuth2 server issued, each valid for the lifetime in force when it was issued. */
final class SandboxTokens {

    private final Clock clock;
    private final Duration configuredLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private volatile Duration lifetime;
    private volatile int issued;

    SandboxTokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.configuredLifetime = lifetime;
        this.lifetime = lifetime;
    }

    /** A new token, 40 hex digits as in the seed's example. */
    String issue() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        expiries.put(token, clock.instant().plus(lifetime));
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
            return "The access token provided is invalid";
        }
        return clock.instant().isBefore(expiry) ? null : "The access token provided has expired";
    }

    void revokeAll() {
        expiries.clear();
    }

    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    Map<String, Object> view() {
        Instant now = clock.instant();
        return Map.of("issued", issued, "valid", expiries.values().stream().filter(now::isBefore).count(),
                "lifetimeSeconds", lifetime.toSeconds());
    }

    void reset() {
        expiries.clear();
        lifetime = configuredLifetime;
        issued = 0;
    }
}

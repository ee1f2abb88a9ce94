package io.carrierhub.drivoo.sandbox;

import io.carrierhub.sandbox.IssuedTokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/** Drivoo's bearer tokens: 40 hex digits as in the seed's example, refused in the words of its OAuth2 server. */
final class SandboxTokens extends IssuedTokens {

    private final SecureRandom random = new SecureRandom();

    SandboxTokens(Clock clock, Duration lifetime) {
        super(clock, lifetime);
    }

    String issue() {
        return issue((at, expiry) -> {
            byte[] bytes = new byte[20];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
    }

    /** Why the token is refused, or null when it is valid. */
    String refusal(String token) {
        return switch (state(token)) {
            case UNKNOWN -> "The access token provided is invalid";
            case EXPIRED -> "The access token provided has expired";
            case VALID -> null;
        };
    }
}

package io.carrierhub.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The bearer tokens a sandbox's OAuth2 server issued, each valid for the lifetime in force when it was issued; the
 * lifetime can be shortened and every token revoked through the control API, for tests of expiry and of a 401.
 * A carrier's sandbox adds the form of its tokens and the words of its refusals.
 */
public class IssuedTokens {

    public enum State { UNKNOWN, EXPIRED, VALID }

    private final Clock clock;
    private final Duration configuredLifetime;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private volatile Duration lifetime;
    private volatile int issued;

    protected IssuedTokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.configuredLifetime = lifetime;
        this.lifetime = lifetime;
    }

    /** A new token, made by {@code form} from the time it is issued and the time it expires. */
    protected String issue(BiFunction<Instant, Instant, String> form) {
        Instant now = clock.instant();
        Instant expiry = now.plus(lifetime);
        String token = form.apply(now, expiry);
        expiries.put(token, expiry);
        issued++;
        return token;
    }

    public State state(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        if (expiry == null) {
            return State.UNKNOWN;
        }
        return clock.instant().isBefore(expiry) ? State.VALID : State.EXPIRED;
    }

    public long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    public void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public void revokeAll() {
        expiries.clear();
    }

    public Map<String, Object> view() {
        Instant now = clock.instant();
        return Map.of("issued", issued, "valid", expiries.values().stream().filter(now::isBefore).count(),
                "lifetimeSeconds", lifetime.toSeconds());
    }

    public void reset() {
        expiries.clear();
        lifetime = configuredLifetime;
        issued = 0;
    }
}

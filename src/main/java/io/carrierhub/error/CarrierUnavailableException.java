package io.carrierhub.error;

import java.time.Duration;
import java.util.Optional;

/** The carrier could not take the request now (5xx, 408, 429): tried again later on the carrier's lane. */
public class CarrierUnavailableException extends HubException {

    private final transient Duration retryAfter;

    public CarrierUnavailableException(String code, String reason) {
        this(code, reason, null);
    }

    /** @param retryAfter when the carrier said to try again (a 429's or 503's Retry-After), or null */
    public CarrierUnavailableException(String code, String reason, Duration retryAfter) {
        super(code, reason);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

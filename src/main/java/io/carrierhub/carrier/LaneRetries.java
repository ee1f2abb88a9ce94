package io.carrierhub.carrier;

import io.carrierhub.error.CarrierUnavailableException;
import io.carrierhub.error.Failures;
import io.carrierhub.error.HubUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The next attempt of an order whose carrier call failed for a transient reason: the broker delivers the order
 * again on its lane at the time set here (Artemis scheduled delivery), so no thread waits for it. Delays grow by
 * the carrier's backoff, a 429's Retry-After sets the next one, and after the carrier's retry horizon the order is
 * given up with the last reason. While the carrier's breaker is open, orders wait at least the breaker's open time.
 */
public class LaneRetries {

    /** Artemis's scheduled delivery time, epoch milliseconds ({@code Message.HDR_SCHEDULED_DELIVERY_TIME}). */
    public static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";
    public static final String ATTEMPT = "HubAttempt";
    public static final String FIRST_FAILED_AT = "HubFirstFailedAt";
    public static final String LAST_ERROR_CODE = "HubLastErrorCode";
    public static final String LAST_ERROR_REASON = "HubLastErrorReason";
    public static final String NEXT_ATTEMPT_AT = "HubNextAttemptAt";
    public static final String RETRY_LATER = "hubRetryLater";

    private static final Logger LOG = LoggerFactory.getLogger(LaneRetries.class);

    private final CarrierSettings settings;
    private final Failures failures;
    private final Clock clock;

    public LaneRetries(CarrierSettings settings, Failures failures, Clock clock) {
        this.settings = settings;
        this.failures = failures;
        this.clock = clock;
    }

    /** Why a message waits for a later attempt though nothing failed: an earlier message of its order waits first. */
    public CarrierUnavailableException waitingBehind(String orderId) {
        return new CarrierUnavailableException("ORDER_WAITING",
                "an earlier message of order " + orderId + " waits for its next attempt; this one follows it");
    }

    /**
     * A failure of the carrier worth another attempt later: the carrier unavailable or unreachable, or its breaker
     * open (no failure). The hub's own database or broker failing is none (nor does it count against the carrier).
     */
    public static boolean isTransient(Throwable failure) {
        if (failure == null) {
            return true;
        }
        return !Failures.isHubUnavailable(failure)
                && (ObjectHelper.getException(CarrierUnavailableException.class, failure) != null
                || ObjectHelper.getException(IOException.class, failure) != null
                || ObjectHelper.getException(CallNotPermittedException.class, failure) != null);
    }

    /**
     * Decides what follows a failed call, in the exchange property {@value #RETRY_LATER}: for a transient failure
     * within the carrier's retry horizon, true, with the headers of the next attempt set on the lane message. Else
     * false; past the horizon, the exchange's caught exception becomes the last failure with how long it was tried.
     * The carrier is the lane's ({@code hubCarrier}); the failure is the one its circuit breaker caught, or none
     * when the breaker was open. A failure of the hub's own database or broker is thrown again: the lane's
     * transaction rolls back and the broker gives the order again once they are back.
     */
    public void scheduleNext(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (Failures.isHubUnavailable(failure)) {
            throw new HubUnavailableException(failures.reason(exchange), failure);
        }
        boolean later = isTransient(failure) && later(exchange);
        exchange.setProperty(RETRY_LATER, later);
    }

    private boolean later(Exchange exchange) {
        String carrier = exchange.getProperty("hubCarrier", String.class);
        CarrierProperties properties = settings.carriers().get(carrier);
        Message lane = exchange.getIn();
        Instant now = clock.instant();
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        boolean circuitOpen = failure == null || ObjectHelper.getException(CallNotPermittedException.class, failure) != null;
        String code = circuitOpen ? lane.getHeader(LAST_ERROR_CODE, "CARRIER_UNAVAILABLE", String.class) : failures.code(exchange);
        String reason = circuitOpen
                ? lane.getHeader(LAST_ERROR_REASON, carrier + " is not called while its circuit breaker is open", String.class)
                : failures.reason(exchange);
        int attempt = lane.getHeader(ATTEMPT, 0, Integer.class) + 1;
        Instant firstFailedAt = Instant.ofEpochMilli(lane.getHeader(FIRST_FAILED_AT, now.toEpochMilli(), Long.class));
        Duration waited = Duration.between(firstFailedAt, now);
        if (waited.compareTo(properties.retry().horizon()) >= 0) {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new CarrierUnavailableException(code,
                    reason + " (gave up after " + attempt + " attempts in " + waited.toSeconds() + " s)"));
            return false;
        }
        Duration delay = delay(properties, attempt, failure, circuitOpen);
        Instant next = now.plus(delay);
        lane.setHeader(ATTEMPT, attempt);
        lane.setHeader(FIRST_FAILED_AT, firstFailedAt.toEpochMilli());
        lane.setHeader(LAST_ERROR_CODE, code);
        lane.setHeader(LAST_ERROR_REASON, reason);
        lane.setHeader(NEXT_ATTEMPT_AT, next.toString());
        lane.setHeader(SCHEDULED_DELIVERY, next.toEpochMilli());
        LOG.warn("Order {} to {}: attempt {} failed [{}]; next attempt in {} ms: {}", exchange.getProperty("hubOrderId"),
                carrier, attempt, code, delay.toMillis(), reason);
        return true;
    }

    Duration delay(CarrierProperties properties, int attempt, Throwable failure, boolean circuitOpen) {
        CarrierProperties.Retry retry = properties.retry();
        CarrierUnavailableException unavailable = ObjectHelper.getException(CarrierUnavailableException.class, failure);
        if (unavailable != null && unavailable.retryAfter().isPresent()) {
            return unavailable.retryAfter().get();
        }
        double millis = retry.initialDelay().toMillis() * Math.pow(retry.multiplier(), attempt - 1);
        Duration backoff = Duration.ofMillis((long) Math.min(millis, retry.maximumDelay().toMillis()));
        Duration open = properties.breaker().waitInOpenState();
        return circuitOpen && open.compareTo(backoff) > 0 ? open : backoff;
    }
}

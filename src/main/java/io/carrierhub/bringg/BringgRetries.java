package io.carrierhub.bringg;

import io.carrierhub.carrier.LaneRetries;
import io.carrierhub.error.CarrierUnavailableException;
import io.carrierhub.error.Failures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The next attempt of a driver-API event whose call failed for a transient reason: back on the Bringg queue at a
 * later time (Artemis scheduled delivery, the lanes' headers), until hub.bringg.retry.horizon; then dead-lettered.
 */
public class BringgRetries {

    private static final Logger LOG = LoggerFactory.getLogger(BringgRetries.class);

    private final BringgProperties.Retry retry;
    private final Failures failures;
    private final Clock clock;

    public BringgRetries(BringgProperties.Retry retry, Failures failures, Clock clock) {
        this.retry = retry;
        this.failures = failures;
        this.clock = clock;
    }

    /** Sets {@value LaneRetries#RETRY_LATER}: true with the next attempt's headers set, false to dead-letter. */
    public void scheduleNext(Exchange exchange) {
        exchange.setProperty(LaneRetries.RETRY_LATER, LaneRetries.isTransient(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))
                && later(exchange));
    }

    private boolean later(Exchange exchange) {
        Message message = exchange.getIn();
        Instant now = clock.instant();
        int attempt = message.getHeader(LaneRetries.ATTEMPT, 0, Integer.class) + 1;
        Instant first = Instant.ofEpochMilli(message.getHeader(LaneRetries.FIRST_FAILED_AT, now.toEpochMilli(), Long.class));
        String code = failures.code(exchange);
        String reason = failures.reason(exchange);
        if (Duration.between(first, now).compareTo(retry.horizon()) >= 0) {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new CarrierUnavailableException(code,
                    reason + " (gave up after " + attempt + " attempts in " + Duration.between(first, now).toSeconds() + " s)"));
            return false;
        }
        Duration delay = delay(attempt, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        message.setHeader(LaneRetries.ATTEMPT, attempt);
        message.setHeader(LaneRetries.FIRST_FAILED_AT, first.toEpochMilli());
        message.setHeader(LaneRetries.LAST_ERROR_CODE, code);
        message.setHeader(LaneRetries.LAST_ERROR_REASON, reason);
        message.setHeader(LaneRetries.NEXT_ATTEMPT_AT, now.plus(delay).toString());
        message.setHeader(LaneRetries.SCHEDULED_DELIVERY, now.plus(delay).toEpochMilli());
        LOG.warn("Bringg call for order {}: attempt {} failed [{}]; next in {} ms: {}", message.getHeader("HubOrderId"), attempt, code,
                delay.toMillis(), reason);
        return true;
    }

    Duration delay(int attempt, Throwable failure) {
        CarrierUnavailableException unavailable = ObjectHelper.getException(CarrierUnavailableException.class, failure);
        if (unavailable != null && unavailable.retryAfter().isPresent()) {
            return unavailable.retryAfter().get();
        }
        double millis = retry.initialDelay().toMillis() * Math.pow(retry.multiplier(), attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, retry.maximumDelay().toMillis()));
    }
}

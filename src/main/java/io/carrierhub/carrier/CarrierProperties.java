package io.carrierhub.carrier;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every carrier lane needs, under {@code hub.carriers.<name>}. A carrier's API adds its own settings under
 * the same prefix (e.g. the wire format).
 *
 * @param api     the client that speaks to this carrier; by default the API of the same name. Two accounts of one
 *                carrier API are two carriers with the same api
 * @param baseUrl where the carrier's API lives
 * @param lane    the carrier's queue
 * @param retry   how long and how often a transient failure is tried again
 * @param breaker when the lane stops calling a carrier that keeps failing
 */
public record CarrierProperties(
        String api,
        URI baseUrl,
        @DefaultValue Lane lane,
        @DefaultValue Retry retry,
        @DefaultValue Breaker breaker) {

    /** @param consumers parallel consumers of the carrier's queue */
    public record Lane(@DefaultValue("4") int consumers) {
    }

    /**
     * Delays between attempts grow from {@code initialDelay} by {@code multiplier} up to {@code maximumDelay}; a
     * 429's Retry-After sets the next delay instead. After {@code horizon} since the first failure the order is
     * dead-lettered with the last reason.
     */
    public record Retry(
            @DefaultValue("1s") Duration initialDelay,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10m") Duration maximumDelay,
            @DefaultValue("6h") Duration horizon) {
    }

    /**
     * A resilience4j circuit breaker: it opens when {@code failureRateThreshold} percent of the last
     * {@code slidingWindowSize} calls (at least {@code minimumNumberOfCalls}) failed for a transient reason, stays
     * open for {@code waitInOpenState}, then lets {@code permittedCallsInHalfOpenState} probes through.
     */
    public record Breaker(
            @DefaultValue("50") int failureRateThreshold,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("30s") Duration waitInOpenState,
            @DefaultValue("2") int permittedCallsInHalfOpenState) {
    }

    /** The queue of this carrier's lane. */
    public static String queue(String carrier) {
        return "carrier." + carrier;
    }
}

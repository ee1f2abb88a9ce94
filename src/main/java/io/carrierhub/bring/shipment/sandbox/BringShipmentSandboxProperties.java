package io.carrierhub.bring.shipment.sandbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The offline Bring Shipment sandbox.
 *
 * @param enabled         start the sandbox with the hub
 * @param port            its port on 127.0.0.1 (0: any free port)
 * @param apiUid          the one Mybring user it accepts in X-Mybring-API-Uid
 * @param apiKey          that user's key, expected in X-Mybring-API-Key
 * @param failureRate     share of requests, 0.0 to 1.0, answered with a 500
 * @param latency         added to every answer
 * @param rejectPastDates apply Bring's rule that dates other than DocumentDate may not be in the past, as Bring
 *                        does; switch it off only to replay documents dated in the past, such as Bring's own samples
 * @param tracking        the Tracking API's events of every booked shipment: each status appears this long after the
 *                        booking (by default PRE_NOTIFIED at once, HANDED_IN after 2 minutes, IN_TRANSIT after 10,
 *                        TRANSPORT_TO_RECIPIENT after 30, DELIVERED after an hour)
 */
@ConfigurationProperties("hub.sandbox.bring-shipment")
public record BringShipmentSandboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("18081") int port,
        @DefaultValue("sandbox@carrierhub.local") String apiUid,
        @DefaultValue("sandbox-key") String apiKey,
        @DefaultValue("0.0") double failureRate,
        @DefaultValue("0ms") Duration latency,
        @DefaultValue("true") boolean rejectPastDates,
        List<TrackingStep> tracking) {

    public static final List<TrackingStep> DEFAULT_TRACKING = List.of(
            new TrackingStep("PRE_NOTIFIED", Duration.ZERO),
            new TrackingStep("HANDED_IN", Duration.ofMinutes(2)),
            new TrackingStep("IN_TRANSIT", Duration.ofMinutes(10)),
            new TrackingStep("TRANSPORT_TO_RECIPIENT", Duration.ofMinutes(30)),
            new TrackingStep("DELIVERED", Duration.ofHours(1)));

    @ConstructorBinding
    public BringShipmentSandboxProperties {
        if (failureRate < 0.0 || failureRate > 1.0) {
            throw new IllegalArgumentException("hub.sandbox.bring-shipment.failure-rate must be between 0.0 and 1.0: " + failureRate);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("hub.sandbox.bring-shipment.latency must not be negative: " + latency);
        }
        tracking = tracking == null || tracking.isEmpty() ? DEFAULT_TRACKING : List.copyOf(tracking);
        for (int i = 1; i < tracking.size(); i++) {
            if (tracking.get(i).after().compareTo(tracking.get(i - 1).after()) < 0) {
                throw new IllegalArgumentException("hub.sandbox.bring-shipment.tracking: each status comes after the one"
                        + " before it, not " + tracking.get(i) + " after " + tracking.get(i - 1));
            }
        }
    }

    /** The sandbox with Bring's default tracking timeline. */
    public BringShipmentSandboxProperties(boolean enabled, int port, String apiUid, String apiKey, double failureRate,
                                          Duration latency, boolean rejectPastDates) {
        this(enabled, port, apiUid, apiKey, failureRate, latency, rejectPastDates, DEFAULT_TRACKING);
    }

    /**
     * One event of the tracking timeline.
     *
     * @param status a Tracking API event status (HANDED_IN, IN_TRANSIT, DEVIATION, DELIVERED, ...)
     * @param after  how long after the booking it happens
     */
    public record TrackingStep(String status, Duration after) {

        public TrackingStep {
            if (status == null || status.isBlank() || after == null || after.isNegative()) {
                throw new IllegalArgumentException("a tracking step needs a status and a duration that is not negative: "
                        + status + " after " + after);
            }
        }
    }
}

package io.carrierhub.bring.shipment.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@ConfigurationProperties("hub.sandbox.bring-shipment")
public record BringShipmentSandboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("18081") int port,
        @DefaultValue("sandbox@carrierhub.local") String apiUid,
        @DefaultValue("sandbox-key") String apiKey,
        @DefaultValue("0.0") double failureRate,
        @DefaultValue("0ms") Duration latency,
        @DefaultValue("true") boolean rejectPastDates) {

    public BringShipmentSandboxProperties {
        if (failureRate < 0.0 || failureRate > 1.0) {
            throw new IllegalArgumentException("hub.sandbox.bring-shipment.failure-rate must be between 0.0 and 1.0: " + failureRate);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("hub.sandbox.bring-shipment.latency must not be negative: " + latency);
        }
    }
}

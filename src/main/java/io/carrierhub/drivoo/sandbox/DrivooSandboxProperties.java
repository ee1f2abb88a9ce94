package io.carrierhub.drivoo.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The offline Drivoo sandbox.
 *
 * @param enabled       start the sandbox with the hub
 * @param port          its port on 127.0.0.1 (0: any free port)
 * @param clientId      the one OAuth2 client it knows (the seed's example: testclient)
 * @param clientSecret  that client's secret (the seed's example: testpass)
 * @param tokenLifetime how long a token it issues is valid ({@code expires_in}; the seed's example: 36000 s)
 * @param assignAfter   from a course's creation until a driver takes it (created -> assigned)
 * @param pickupAfter   from the assignment until the driver has the parcel (assigned -> in_transit)
 * @param deliverAfter  from the pickup until the parcel is delivered (in_transit -> delivered, or returned)
 * @param retailers     retailers the sandbox knows, the seed's two included (more than 25: two pages or more)
 * @param failureRate   share of requests, 0.0 to 1.0, answered with a 500
 * @param latency       added to every answer
 */
@ConfigurationProperties("hub.sandbox.drivoo")
public record DrivooSandboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("18084") int port,
        @DefaultValue("testclient") String clientId,
        @DefaultValue("testpass") String clientSecret,
        @DefaultValue("36000s") Duration tokenLifetime,
        @DefaultValue("2m") Duration assignAfter,
        @DefaultValue("5m") Duration pickupAfter,
        @DefaultValue("15m") Duration deliverAfter,
        @DefaultValue("30") int retailers,
        @DefaultValue("0.0") double failureRate,
        @DefaultValue("0ms") Duration latency) {

    public DrivooSandboxProperties {
        if (failureRate < 0.0 || failureRate > 1.0) {
            throw new IllegalArgumentException("hub.sandbox.drivoo.failure-rate must be between 0.0 and 1.0: " + failureRate);
        }
        if (latency.isNegative() || tokenLifetime.isNegative() || assignAfter.isNegative() || pickupAfter.isNegative()
                || deliverAfter.isNegative()) {
            throw new IllegalArgumentException("hub.sandbox.drivoo durations must not be negative");
        }
        if (retailers < 5) {
            throw new IllegalArgumentException("hub.sandbox.drivoo.retailers must be at least 5 (the fixed ones): " + retailers);
        }
    }
}

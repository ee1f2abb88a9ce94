package io.carrierhub.drivoo;

import io.carrierhub.carrier.CarrierProperties;
import io.carrierhub.carrier.CarrierSettings;
import io.carrierhub.carrier.auth.CarrierTokens;
import io.carrierhub.drivoo.sandbox.DrivooSandbox;
import io.carrierhub.drivoo.sandbox.DrivooSandboxProperties;
import io.carrierhub.error.CarrierResponseClassifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.mock.env.MockEnvironment;

/** A Drivoo sandbox of its own on a free port, and the hub's Drivoo API for carrier "drivoo" pointed at it, without Spring. */
final class DrivooAccountKit {

    static final String CARRIER = "drivoo";

    private DrivooAccountKit() {
    }

    static DrivooSandboxProperties sandbox(Duration tokenLifetime, Duration step) {
        return new DrivooSandboxProperties(true, 0, "testclient", "testpass", tokenLifetime, step, step, step, 30, 0.0, Duration.ZERO);
    }

    static CarrierTokens tokens(DrivooSandbox sandbox, String secret, Duration margin, Clock clock) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("hub.carriers.drivoo.oauth2.token-uri", sandbox.address() + "/oauth")
                .withProperty("hub.carriers.drivoo.oauth2.client-id", "testclient")
                .withProperty("hub.carriers.drivoo.oauth2.client-secret", secret)
                .withProperty("hub.carriers.drivoo.oauth2.expiry-margin", margin.toString());
        return new CarrierTokens(settings(sandbox), environment, HttpClient.newHttpClient(), Duration.ofSeconds(5), clock);
    }

    static DrivooApi api(DrivooSandbox sandbox, CarrierTokens tokens, Clock clock) {
        return new DrivooApi(new MockEnvironment(), settings(sandbox), tokens, null,
                new CarrierResponseClassifier(Duration.ofMinutes(5)), HttpClient.newHttpClient(), Duration.ofSeconds(5), clock);
    }

    private static CarrierSettings settings(DrivooSandbox sandbox) {
        return new CarrierSettings(Map.of(CARRIER, new CarrierProperties("drivoo", URI.create(sandbox.address()),
                new CarrierProperties.Lane(1),
                new CarrierProperties.Retry(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), Duration.ofHours(1)),
                new CarrierProperties.Breaker(50, 10, 20, Duration.ofSeconds(30), 2))));
    }
}

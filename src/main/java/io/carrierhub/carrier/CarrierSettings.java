package io.carrierhub.carrier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Every carrier the hub serves ({@code hub.carriers}), checked at start-up so that a mistake stops the hub with its name. */
@ConfigurationProperties("hub")
public record CarrierSettings(@DefaultValue Map<String, CarrierProperties> carriers) {

    public CarrierSettings {
        List<String> problems = new ArrayList<>();
        carriers.forEach((name, carrier) -> problems.addAll(problems(name, carrier)));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Carrier configuration is not usable: " + String.join("; ", problems));
        }
    }

    /** The API a carrier's client speaks. */
    public String api(String carrier) {
        String api = carriers.get(carrier).api();
        return api == null || api.isBlank() ? carrier : api;
    }

    private static List<String> problems(String name, CarrierProperties carrier) {
        String prefix = "hub.carriers." + name + ".";
        List<String> problems = new ArrayList<>();
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add("carrier name '" + name + "' must be lower-case words joined by '-' (it names the queue carrier." + name + ")");
        }
        if (carrier.baseUrl() == null) {
            problems.add(prefix + "base-url is missing");
        } else if (!"http".equals(carrier.baseUrl().getScheme()) && !"https".equals(carrier.baseUrl().getScheme())) {
            problems.add(prefix + "base-url must be an http or https URL, not " + carrier.baseUrl());
        }
        if (carrier.lane().consumers() < 1) {
            problems.add(prefix + "lane.consumers must be at least 1");
        }
        CarrierProperties.Retry retry = carrier.retry();
        if (retry.initialDelay().isNegative() || retry.initialDelay().isZero()) {
            problems.add(prefix + "retry.initial-delay must be positive");
        }
        if (retry.multiplier() < 1.0) {
            problems.add(prefix + "retry.multiplier must be 1.0 or more");
        }
        if (retry.maximumDelay().compareTo(retry.initialDelay()) < 0) {
            problems.add(prefix + "retry.maximum-delay must not be shorter than retry.initial-delay");
        }
        if (retry.horizon().isNegative()) {
            problems.add(prefix + "retry.horizon must not be negative");
        }
        CarrierProperties.Breaker breaker = carrier.breaker();
        if (breaker.failureRateThreshold() < 1 || breaker.failureRateThreshold() > 100) {
            problems.add(prefix + "breaker.failure-rate-threshold is a percentage, 1 to 100");
        }
        if (breaker.minimumNumberOfCalls() < 1 || breaker.slidingWindowSize() < 1 || breaker.permittedCallsInHalfOpenState() < 1) {
            problems.add(prefix + "breaker.minimum-number-of-calls, sliding-window-size and permitted-calls-in-half-open-state must be at least 1");
        }
        if (breaker.waitInOpenState().isNegative() || breaker.waitInOpenState().isZero()) {
            problems.add(prefix + "breaker.wait-in-open-state must be positive");
        }
        return problems;
    }
}

package io.carrierhub.carrier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code carriers} part of {@code /actuator/health}: each carrier's circuit breaker. A carrier whose breaker
 * is not closed makes this part DEGRADED: its orders wait on its lane. The hub itself stays UP, since a status
 * Spring Boot does not rank leaves the overall health alone. A carrier that refused the hub's account or
 * configuration (and took no call since) makes it DOWN: nothing gets through until someone fixes it.
 */
public class CarrierHealth extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "a carrier's circuit breaker is not closed: its orders wait on its lane");

    private final Carriers carriers;
    private final CircuitBreakerRegistry registry;

    CarrierHealth(Carriers carriers, CircuitBreakerRegistry registry) {
        this.carriers = carriers;
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean allClosed = true;
        boolean anyMisconfigured = false;
        for (String carrier : carriers.names()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("lane", CarrierProperties.queue(carrier));
            CircuitBreaker breaker = registry.find(CarrierLanes.breakerName(carrier)).orElse(null);
            String state = breaker == null ? "CLOSED" : breaker.getState().name();
            details.put("breaker", state);
            if (breaker != null) {
                details.put("failureRate", breaker.getMetrics().getFailureRate());
            }
            allClosed &= state.equals("CLOSED");
            Optional<String> misconfigured = carriers.misconfigured(carrier);
            misconfigured.ifPresent(reason -> details.put("configurationError", reason));
            anyMisconfigured |= misconfigured.isPresent();
            builder.withDetail(carrier, details);
        }
        builder.status(anyMisconfigured ? Status.DOWN : allClosed ? Status.UP : DEGRADED);
    }
}

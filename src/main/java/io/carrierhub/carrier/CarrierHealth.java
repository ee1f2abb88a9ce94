package io.carrierhub.carrier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code carriers} part of {@code /actuator/health}: each carrier's circuit breaker. A carrier whose breaker
 * is not closed makes this part DEGRADED: its orders wait on its lane. The hub itself stays UP, since a status
 * Spring Boot does not rank leaves the overall health alone.
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
            builder.withDetail(carrier, details);
        }
        builder.status(allClosed ? Status.UP : DEGRADED);
    }
}

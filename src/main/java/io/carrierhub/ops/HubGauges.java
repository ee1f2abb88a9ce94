package io.carrierhub.ops;

import io.carrierhub.carrier.CarrierLanes;
import io.carrierhub.carrier.CarrierProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collection;

/**
 * What the hub holds at a moment, read when scraped: the depth of each dead-letter queue
 * ({@code hub_dead_letters{queue}}) and of each carrier's lane, waiting retries included ({@code hub_lane_depth{carrier}}),
 * and each carrier's circuit breaker ({@code hub_breaker_state{carrier}}: 0 closed, 1 open, 2 half open).
 */
public class HubGauges implements MeterBinder {

    private final DeadLetters deadLetters;
    private final Collection<String> carriers;
    private final BrokerQueues depths;
    private final CircuitBreakerRegistry breakers;

    public HubGauges(DeadLetters deadLetters, Collection<String> carriers, BrokerQueues depths, CircuitBreakerRegistry breakers) {
        this.deadLetters = deadLetters;
        this.carriers = carriers;
        this.depths = depths;
        this.breakers = breakers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : deadLetters.queues()) {
            Gauge.builder("hub.dead.letters", () -> depth(queue))
                    .description("Messages on a dead-letter queue").tag("queue", queue).register(registry);
        }
        for (String carrier : carriers) {
            Gauge.builder("hub.lane.depth", () -> depth(CarrierProperties.queue(carrier)))
                    .description("Orders on a carrier's lane, waiting retries included").tag("carrier", carrier).register(registry);
            Gauge.builder("hub.breaker.state", () -> breakerState(carrier))
                    .description("A carrier's circuit breaker: 0 closed, 1 open, 2 half open").tag("carrier", carrier)
                    .register(registry);
        }
    }

    private double depth(String queue) {
        return depths.depth(queue).stream().mapToDouble(depth -> depth).findFirst().orElse(Double.NaN);
    }

    private double breakerState(String carrier) {
        return breakers.find(CarrierLanes.breakerName(carrier)).map(breaker -> (double) breaker.getState().getOrder())
                .orElse(Double.NaN);
    }
}

package io.carrierhub.carrier;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.springframework.stereotype.Component;

/**
 * A lane, its circuit breaker and a call (HTTP or SOAP, as the carrier's API says) for every carrier in
 * {@code hub.carriers}, made from the templates of {@code routes/carrier-lane.yaml}: routes {@code lane-<carrier>},
 * {@code carrier-call-<carrier>} (and for HTTP {@code carrier-send-<carrier>}), breaker
 * {@code breaker-<carrier>}.
 */
@Component
public class CarrierLanes extends RouteBuilder {

    private final CarrierSettings settings;
    private final Carriers carriers;
    private final CircuitBreakerRegistry breakers;

    public CarrierLanes(CarrierSettings settings, Carriers carriers, CircuitBreakerRegistry breakers) {
        this.settings = settings;
        this.carriers = carriers;
        this.breakers = breakers;
    }

    public static String breakerName(String carrier) {
        return "breaker-" + carrier;
    }

    @Override
    public void configure() {
        settings.carriers().forEach((carrier, properties) -> {
            getContext().getRegistry().bind(breakerName(carrier),
                    breakers.circuitBreaker(breakerName(carrier), breakerConfig(properties.breaker())));
            templatedRoute("carrier-lane").routeId("lane-" + carrier).prefixId(carrier + "-").parameter("carrier", carrier);
            CallTemplate call = carriers.call(carrier);
            TemplatedRouteDefinition callRoute = templatedRoute(call.template())
                    .routeId("carrier-call-" + carrier).prefixId(carrier + "-").parameter("carrier", carrier);
            call.parameters().forEach(callRoute::parameter);
            if (call.template().equals(CallTemplate.HTTP)) {
                templatedRoute("carrier-http-send").routeId("carrier-send-" + carrier).prefixId(carrier + "-").parameter("carrier", carrier);
            }
        });
    }

    /** Only transient failures count against a carrier; a refusal is the carrier working. */
    static CircuitBreakerConfig breakerConfig(CarrierProperties.Breaker breaker) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .slidingWindowSize(breaker.slidingWindowSize())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(failure -> failure != null && LaneRetries.isTransient(failure))
                .build();
    }
}

package io.carrierhub.carrier;

import io.carrierhub.carrier.auth.CarrierTokens;
import io.carrierhub.error.CarrierResponseClassifier;
import io.carrierhub.error.Failures;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The carrier lanes' shared parts, as the routes name them (routes/carrier-lane.yaml). */
@Configuration(proxyBeanMethods = false)
public class CarrierConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CarrierConfiguration.class);

    @Bean
    Carriers carriers(CarrierSettings settings, List<CarrierApi> apis, CarrierResponseClassifier classifier) {
        return new Carriers(settings, apis, classifier);
    }

    /** The OAuth2 tokens of the carriers that authenticate with client credentials, one cache per carrier. */
    @Bean
    CarrierTokens carrierTokens(CarrierSettings settings, Environment environment, Clock clock,
                                @Value("${hub.http.connect-timeout}") Duration connectTimeout,
                                @Value("${hub.http.response-timeout}") Duration responseTimeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        return new CarrierTokens(settings, environment, http, responseTimeout, clock);
    }

    @Bean
    SoapTimeouts soapTimeouts(@Value("${hub.http.connect-timeout}") Duration connectTimeout,
                              @Value("${hub.http.response-timeout}") Duration responseTimeout) {
        return new SoapTimeouts(connectTimeout, responseTimeout);
    }

    @Bean
    LaneRetries laneRetries(CarrierSettings settings, Failures failures, Clock clock) {
        return new LaneRetries(settings, failures, clock);
    }

    /** Camel's circuitBreaker EIP makes each lane's breaker here; every change of state is logged. */
    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        registry.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onStateTransition(event -> LOG.warn("Circuit breaker {}: {}", event.getCircuitBreakerName(),
                        event.getStateTransition())));
        return registry;
    }

    @Bean
    CarrierHealth carriersHealthIndicator(Carriers carriers, CircuitBreakerRegistry registry) {
        return new CarrierHealth(carriers, registry);
    }
}

package io.carrierhub.ops;

import io.carrierhub.broker.BrokerProperties;
import io.carrierhub.carrier.CarrierProperties;
import io.carrierhub.carrier.Carriers;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Operations: dead-letter replay, metrics, the audit of carrier calls, MDC (routes name these beans). */
@Configuration(proxyBeanMethods = false)
public class OpsConfiguration {

    @Bean
    BrokerQueues brokerQueues(ConnectionFactory connections) {
        return new BrokerQueues(connections);
    }

    /** The queues the hub consumes, each with its DLQ: the intake's, the callbacks', every carrier's lane. */
    @Bean
    DeadLetters deadLetters(ConnectionFactory connections, BrokerProperties broker, Carriers carriers, BrokerQueues depths) {
        List<String> consumed = new ArrayList<>(broker.deadLetterQueues());
        carriers.names().forEach(carrier -> consumed.add(CarrierProperties.queue(carrier)));
        return new DeadLetters(connections, consumed, depths);
    }

    @Bean
    DeadLetterEndpoint deadLetterEndpoint(DeadLetters deadLetters) {
        return new DeadLetterEndpoint(deadLetters);
    }

    @Bean
    HubMetrics hubMetrics(MeterRegistry registry) {
        return new HubMetrics(registry);
    }

    @Bean
    HubGauges hubGauges(DeadLetters deadLetters, Carriers carriers, BrokerQueues depths, CircuitBreakerRegistry breakers) {
        return new HubGauges(deadLetters, carriers.names(), depths, breakers);
    }

    @Bean
    CarrierCallAudit carrierCallAudit(JdbcTemplate jdbc, AuditProperties properties, ConfigurableEnvironment environment) {
        return new CarrierCallAudit(jdbc, new AuditMasking(properties.maskedFields(), ConfiguredSecrets.of(environment)), properties);
    }

    @Bean
    CarrierCalls carrierCalls(HubMetrics metrics, CarrierCallAudit audit, Clock clock) {
        return new CarrierCalls(metrics, audit, clock);
    }

    @Bean
    CarrierCallEndpoint carrierCallEndpoint(CarrierCallAudit audit) {
        return new CarrierCallEndpoint(audit);
    }

    @Bean
    HubMdc hubMdc() {
        return new HubMdc();
    }
}

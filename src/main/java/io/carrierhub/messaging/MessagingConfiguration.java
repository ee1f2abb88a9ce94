package io.carrierhub.messaging;

import jakarta.jms.ConnectionFactory;
import javax.sql.DataSource;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.jms.JmsHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * JMS on Spring Boot's Artemis connection factory, and the idempotency store that hub instances share.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        return jms;
    }

    /**
     * The broker's health ({@code jms}) on a connection of its own, made by the broker client's factory: the shared
     * connection's lock is held by a listener while it gives up a dead connection, and a health check waiting for it
     * would not answer during a broker outage instead of saying DOWN (faults/restart-test.sh).
     */
    @Bean
    JmsHealthIndicator jmsHealthContributor(ConnectionFactory connectionFactory) {
        return new JmsHealthIndicator(connectionFactory instanceof SingleConnectionFactory shared
                ? shared.getTargetConnectionFactory() : connectionFactory);
    }

    @Bean
    DeliveryLimit deliveryLimit(@Value("${hub.intake.max-deliveries}") int maxDeliveries) {
        return new DeliveryLimit(maxDeliveries);
    }

    @Bean
    SharedIdempotentRepository orderIdempotency(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new SharedIdempotentRepository(dataSource, transactionManager, "intake");
    }
}

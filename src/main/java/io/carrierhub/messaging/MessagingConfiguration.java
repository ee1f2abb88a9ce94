package io.carrierhub.messaging;

import jakarta.jms.ConnectionFactory;
import javax.sql.DataSource;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
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
        // A transacted route's transaction is its listener's JMS session: the route's sends join it, and one commit
        // takes the message and sends what came of it. Camel's default, a JmsTransactionManager of its own, has
        // Spring's listener container make and close a consumer for every receive (cache level CACHE_AUTO means
        // none with a transaction manager): four blocking round trips to the broker a message, and as many every
        // second for each idle listener, whose receive waits a second. faults/kill-test.sh holds with either.
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        return jms;
    }

    /**
     * Each send names its queue, and Artemis's JMS client asks the broker whether that queue exists every time (a
     * blocking round trip, three an order) unless its connection factory caches destinations. The hub's queues are
     * made at start and never removed while it runs. Applied to Spring Boot's factory whatever the broker URL.
     */
    @Bean
    static BeanPostProcessor cachedJmsDestinations() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                Object target = bean instanceof SingleConnectionFactory shared ? shared.getTargetConnectionFactory() : bean;
                if (target instanceof ActiveMQConnectionFactory artemis) {
                    artemis.setCacheDestinations(true);
                }
                return bean;
            }
        };
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

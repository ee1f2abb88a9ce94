package io.carrierhub.messaging;

import jakarta.jms.ConnectionFactory;
import javax.sql.DataSource;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    @Bean
    SharedIdempotentRepository orderIdempotency(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new SharedIdempotentRepository(dataSource, new TransactionTemplate(transactionManager), "intake");
    }
}

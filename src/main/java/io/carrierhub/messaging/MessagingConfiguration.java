package io.carrierhub.messaging;

import jakarta.jms.ConnectionFactory;
import javax.sql.DataSource;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * JMS on Spring Boot's Artemis connection factory, the shared idempotency store, and the database
 * transaction the intake route runs in (so an idempotency key and the ledger commit with the route, or not at all).
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
    JdbcMessageIdRepository orderIdempotency(DataSource dataSource, PlatformTransactionManager transactionManager) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, new TransactionTemplate(transactionManager), "intake");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    @Bean
    SpringTransactionPolicy databaseTransaction(PlatformTransactionManager transactionManager) {
        return new SpringTransactionPolicy(transactionManager);
    }
}

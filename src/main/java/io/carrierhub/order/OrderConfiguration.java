package io.carrierhub.order;

import io.carrierhub.ledger.Allotments;
import io.carrierhub.ledger.OrderLedger;
import java.time.Clock;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The canonical contract's codec, the status writer and the order ledger, as the routes name them. */
@Configuration(proxyBeanMethods = false)
public class OrderConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OrderCodec orderCodec() {
        return new OrderCodec();
    }

    @Bean
    OrderKeys orderKeys() {
        return new OrderKeys();
    }

    @Bean
    OrderStatuses orderStatuses(OrderCodec orderCodec, Clock clock) {
        return new OrderStatuses(orderCodec, clock);
    }

    @Bean
    Allotments allotments(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new Allotments(jdbc, transactions);
    }

    @Bean
    OrderLedger orderLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions, OrderCodec orderCodec, Clock clock) {
        return new OrderLedger(jdbc, transactions, orderCodec, clock);
    }

    /**
     * A route step's ledger writes as one database transaction ({@code transacted: ledgerTransaction}): they commit
     * together, or not at all, and cost one commit (one write of H2's file, one fsync on PostgreSQL), not one each.
     */
    @Bean
    SpringTransactionPolicy ledgerTransaction(PlatformTransactionManager transactions) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(transactions);
        policy.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return policy;
    }
}

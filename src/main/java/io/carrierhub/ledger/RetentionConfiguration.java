package io.carrierhub.ledger;

import io.carrierhub.ledger.LedgerRetention.Retained;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger's working tables and how long they keep a row ({@code hub.retention}). */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    @Bean
    LedgerRetention ledgerRetention(JdbcTemplate jdbc, RetentionProperties retention, Clock clock) {
        return new LedgerRetention(jdbc, List.of(
                new Retained("CAMEL_MESSAGEPROCESSED", "createdAt", retention.idempotencyKeys()),
                new Retained("hub_carrier_call", "called_at", retention.carrierCalls())), clock);
    }
}

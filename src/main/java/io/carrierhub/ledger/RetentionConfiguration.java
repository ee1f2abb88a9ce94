package io.carrierhub.ledger;

import io.carrierhub.ledger.LedgerRetention.Retained;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's working tables and how long they keep a row ({@code hub.retention}), and the compaction of an embedded
 * H2 ledger's file.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    @Bean
    LedgerRetention ledgerRetention(JdbcTemplate jdbc, RetentionProperties retention, Clock clock) {
        return new LedgerRetention(jdbc, List.of(
                new Retained("CAMEL_MESSAGEPROCESSED", "createdAt", retention.idempotencyKeys()),
                new Retained("hub_carrier_call", "called_at", retention.carrierCalls())), clock);
    }

    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
    H2Compaction h2Compaction(DataSource dataSource, H2CompactionProperties compaction) {
        return new H2Compaction(dataSource, compaction.interval(), compaction.targetFillRate());
    }
}

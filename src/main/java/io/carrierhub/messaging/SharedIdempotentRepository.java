package io.carrierhub.messaging;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camel's JDBC idempotent repository (table CAMEL_MESSAGEPROCESSED, made by Flyway), safe when two consumers or
 * two hub instances add the same key at once: a key is added by one statement that leaves a key already there alone
 * ({@code ON CONFLICT DO NOTHING}, PostgreSQL's, which the embedded H2 speaks in its PostgreSQL mode). The loser of
 * a race is told "seen" and never meets the primary key, so a caller's transaction goes on: on PostgreSQL a failed
 * statement would end it. Calls join the caller's transaction when there is one.
 */
public class SharedIdempotentRepository extends JdbcMessageIdRepository {

    public SharedIdempotentRepository(DataSource dataSource, PlatformTransactionManager transactions, String processorName) {
        super(dataSource, new TransactionTemplate(transactions), processorName);
        setCreateTableIfNotExists(false);
        setInsertString(getInsertString() + " ON CONFLICT DO NOTHING");
    }

    /** One statement, where Camel's would count the key first: true when this call added the key. */
    @Override
    public boolean add(String key) {
        return transactionTemplate.execute(step -> insert(key)) == 1;
    }
}

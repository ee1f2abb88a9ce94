package io.carrierhub.messaging;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camel's JDBC idempotent repository (table CAMEL_MESSAGEPROCESSED, made by Flyway), safe when two consumers or
 * two hub instances add the same key at once: the loser of the race meets the primary key and is told "seen".
 * Within a route's ledger transaction each call is a savepoint of it, so that the loser's transaction goes on (on
 * PostgreSQL a failed statement would end the whole transaction).
 */
public class SharedIdempotentRepository extends JdbcMessageIdRepository {

    public SharedIdempotentRepository(DataSource dataSource, PlatformTransactionManager transactions, String processorName) {
        super(dataSource, savepoints(transactions), processorName);
        setCreateTableIfNotExists(false);
    }

    @Override
    public boolean add(String key) {
        try {
            return super.add(key);
        } catch (DuplicateKeyException seenByAnother) {
            return false;
        }
    }

    private static TransactionTemplate savepoints(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return template;
    }
}

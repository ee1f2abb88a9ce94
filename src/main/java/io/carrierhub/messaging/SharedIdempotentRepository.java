package io.carrierhub.messaging;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camel's JDBC idempotent repository (table CAMEL_MESSAGEPROCESSED, made by Flyway), safe when two consumers or
 * two hub instances add the same key at once: the loser of the race meets the primary key and is told "seen".
 */
public class SharedIdempotentRepository extends JdbcMessageIdRepository {

    public SharedIdempotentRepository(DataSource dataSource, TransactionTemplate transactions, String processorName) {
        super(dataSource, transactions, processorName);
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
}

package io.carrierhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.TestDatabases;
import io.carrierhub.TestDatabases.Database;
import io.carrierhub.TestDatabases.OnEachDatabase;
import io.carrierhub.messaging.SharedIdempotentRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention purge on the two databases the hub runs on, with the tables and retentions the hub gives it
 * ({@link RetentionConfiguration}, defaults of {@link RetentionProperties}): old idempotency keys and audit records
 * go, recent ones stay, and a key gone is a key the intake takes as new.
 */
class LedgerRetentionTest {

    private static final RetentionProperties DEFAULTS = new RetentionProperties(Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(30));

    @BeforeEach
    void emptyTables() {
        TestDatabases.all().forEach(database -> {
            database.jdbc().update("DELETE FROM CAMEL_MESSAGEPROCESSED");
            database.jdbc().update("DELETE FROM hub_carrier_call");
        });
    }

    @OnEachDatabase
    void idempotencyKeysOlderThanTheirRetentionGoAndRecentOnesStay(Database database) {
        SharedIdempotentRepository intake = intakeKeys(database);
        key(database, "SO-1:CREATE", Duration.ofDays(8));
        key(database, "SO-2:CREATE", Duration.ofDays(6));
        intake.add("SO-3:CREATE");

        Map<String, Integer> purged = retention(database).purge();

        assertThat(purged).containsEntry("CAMEL_MESSAGEPROCESSED", 1);
        assertThat(database.jdbc().queryForList("SELECT messageId FROM CAMEL_MESSAGEPROCESSED ORDER BY messageId", String.class))
                .containsExactly("SO-2:CREATE", "SO-3:CREATE");
        assertThat(intake.contains("SO-2:CREATE")).as("a copy within the retention is still recognised").isTrue();
        assertThat(intake.add("SO-1:CREATE")).as("a copy after the retention is taken as new").isTrue();
    }

    @OnEachDatabase
    void carrierCallsOlderThanTheirRetentionGoAndRecentOnesStay(Database database) {
        call(database, "SO-1", Duration.ofDays(31));
        call(database, "SO-2", Duration.ofDays(29));
        key(database, "SO-2:CREATE", Duration.ofDays(8)); // past the keys' retention, within the calls'

        Map<String, Integer> purged = retention(database).purge();

        assertThat(purged).containsEntry("hub_carrier_call", 1).containsEntry("CAMEL_MESSAGEPROCESSED", 1);
        assertThat(database.jdbc().queryForList("SELECT order_id FROM hub_carrier_call", String.class)).containsExactly("SO-2");
    }

    @OnEachDatabase
    void aSecondPurgeFindsNothing(Database database) {
        key(database, "SO-1:CREATE", Duration.ofDays(8));
        call(database, "SO-1", Duration.ofDays(31));
        LedgerRetention retention = retention(database);
        retention.purge();

        assertThat(retention.purge()).containsOnly(Map.entry("CAMEL_MESSAGEPROCESSED", 0), Map.entry("hub_carrier_call", 0));
    }

    private static LedgerRetention retention(Database database) {
        return new RetentionConfiguration().ledgerRetention(database.jdbc(), DEFAULTS, Clock.systemUTC());
    }

    private static SharedIdempotentRepository intakeKeys(Database database) {
        SharedIdempotentRepository repository = new SharedIdempotentRepository(database.pool(),
                database.transactions(), "intake");
        repository.start();
        return repository;
    }

    /** A key the intake added {@code age} ago (the repository writes its JVM's clock as createdAt). */
    private static void key(Database database, String key, Duration age) {
        new JdbcTemplate(database.pool()).update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)",
                "intake", key, Timestamp.from(Instant.now().minus(age)));
    }

    private static void call(Database database, String orderId, Duration age) {
        database.jdbc().update("INSERT INTO hub_carrier_call (called_at, carrier, order_id, operation, status, duration_ms)"
                + " VALUES (?, 'drivoo', ?, 'POST course', '201', 12)", Timestamp.from(Instant.now().minus(age)), orderId);
    }
}

package io.carrierhub.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.carrierhub.TestDatabases;
import io.carrierhub.TestDatabases.Database;
import io.carrierhub.TestDatabases.OnEachDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotency store the hub instances share, on the embedded H2 file database of the default setup and on
 * PostgreSQL (embedded), shared through {@link TestDatabases}. Every test runs on both, on an emptied table, with
 * repositories made and started as the hub makes them ({@link MessagingConfiguration}) and as Camel starts them.
 */
class SharedIdempotentRepositoryTest {

    private static final String PROCESSOR = "intake";
    private static final int RACERS = 8;

    /** Repositories and connection pools a test made; stopped and closed after it. */
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void emptyStore() {
        TestDatabases.all().forEach(database -> new JdbcTemplate(database.pool()).update("DELETE FROM CAMEL_MESSAGEPROCESSED"));
    }

    @AfterEach
    void closeWhatTheTestOpened() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) { // last opened, first closed
            opened.get(i).close();
        }
    }

    @OnEachDatabase
    void addIsTrueTheFirstTimeAndFalseAfter(Database database) {
        SharedIdempotentRepository repository = hubRepository(database.pool());

        assertThat(repository.add("SO-100234:CREATE")).isTrue();
        assertThat(repository.add("SO-100234:CREATE")).isFalse();
        assertThat(repository.add("SO-100234:CREATE")).isFalse();
        assertThat(repository.add("SO-100234:CANCEL")).as("another key").isTrue();
    }

    @OnEachDatabase
    void containsTellsWhetherAKeyWasAdded(Database database) {
        SharedIdempotentRepository repository = hubRepository(database.pool());
        repository.add("SO-100234:CREATE");

        assertThat(repository.contains("SO-100234:CREATE")).isTrue();
        assertThat(repository.contains("SO-100234:CANCEL")).isFalse();
    }

    @OnEachDatabase
    void removeForgetsAKeySoThatItCanBeAddedAgain(Database database) {
        SharedIdempotentRepository repository = hubRepository(database.pool());
        repository.add("SO-100234:CREATE");

        assertThat(repository.remove("SO-100234:CREATE")).isTrue();

        assertThat(repository.contains("SO-100234:CREATE")).isFalse();
        assertThat(repository.remove("SO-100234:CREATE")).as("nothing left to remove").isFalse();
        assertThat(repository.add("SO-100234:CREATE")).isTrue();
    }

    @OnEachDatabase
    void twoHubInstancesOnOneDatabaseShareTheKeys(Database database) {
        SharedIdempotentRepository first = hubRepository(database.pool());
        SharedIdempotentRepository second = hubRepository(secondPool(database)); // its own connections

        assertThat(first.add("SO-100234:CREATE")).isTrue();

        assertThat(second.contains("SO-100234:CREATE")).isTrue();
        assertThat(second.add("SO-100234:CREATE")).isFalse();
        assertThat(second.remove("SO-100234:CREATE")).isTrue();
        assertThat(first.contains("SO-100234:CREATE")).isFalse();
    }

    @OnEachDatabase
    void keysOfAnotherProcessorAreNotShared(Database database) {
        SharedIdempotentRepository intake = hubRepository(database.pool());
        SharedIdempotentRepository other = start(new SharedIdempotentRepository(database.pool(), transactions(database.pool()), "events"));

        intake.add("SO-100234:CREATE");

        assertThat(other.contains("SO-100234:CREATE")).isFalse();
        assertThat(other.add("SO-100234:CREATE")).isTrue();
    }

    /**
     * {@value #RACERS} consumers, half of them in a second hub instance, add the same key at the same moment, many
     * times over: each time exactly one of them is told the key is new, and nobody gets an exception.
     */
    @OnEachDatabase
    void concurrentAddsOfOneKeyLetExactlyOneWin(Database database) throws Exception {
        List<SharedIdempotentRepository> instances = List.of(
                hubRepository(database.pool()), hubRepository(secondPool(database)));
        ExecutorService consumers = Executors.newFixedThreadPool(RACERS);
        opened.add(consumers::shutdownNow);

        for (int round = 0; round < 25; round++) {
            String key = "SO-%06d:CREATE".formatted(round);
            CountDownLatch startGate = new CountDownLatch(1);
            List<Future<Boolean>> adds = new ArrayList<>();
            for (int racer = 0; racer < RACERS; racer++) {
                SharedIdempotentRepository repository = instances.get(racer % instances.size());
                Callable<Boolean> add = () -> {
                    startGate.await();
                    return repository.add(key);
                };
                adds.add(consumers.submit(add));
            }

            startGate.countDown();

            int winners = 0;
            for (Future<Boolean> add : adds) {
                if (add.get(60, TimeUnit.SECONDS)) { // an exception in add() fails the test here
                    winners++;
                }
            }
            assertThat(winners).as("adds of %s told 'new'", key).isOne();
            assertThat(instances.get(0).contains(key)).isTrue();
        }
    }

    /**
     * A key already there, added within the caller's transaction (the intake's ledger step): told "seen", and the
     * transaction goes on. On PostgreSQL the failed insert would otherwise abort it, and the intake's next statement
     * with it.
     */
    @OnEachDatabase
    void aKeySeenWithinTheCallersTransactionLeavesItUsable(Database database) throws Exception {
        SharedIdempotentRepository repository = hubRepository(database.pool());
        HikariDataSource otherInstance = secondPool(database);
        JdbcTemplate jdbc = new JdbcTemplate(database.pool());
        CountDownLatch inserted = new CountDownLatch(1);
        ExecutorService racer = Executors.newSingleThreadExecutor();
        opened.add(racer::shutdownNow);
        // another instance inserts the key and commits a moment later: this one's count sees no key, its insert waits
        // for the other's row and then meets the primary key
        Future<?> race = racer.submit(() -> new TransactionTemplate(transactions(otherInstance)).executeWithoutResult(tx -> {
            new JdbcTemplate(otherInstance).update(
                    "INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, CURRENT_TIMESTAMP)",
                    PROCESSOR, "SO-100234:CREATE");
            inserted.countDown();
            sleep(300);
        }));
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();

        boolean added = new TransactionTemplate(transactions(database.pool())).execute(ledgerStep -> {
            boolean mine = repository.add("SO-100234:CREATE");
            jdbc.update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, 'next', CURRENT_TIMESTAMP)",
                    PROCESSOR);
            return mine;
        });

        race.get(30, TimeUnit.SECONDS);
        assertThat(added).as("the other instance's key").isFalse();
        assertThat(repository.contains("next")).as("the step's next statement, committed").isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A repository as {@link MessagingConfiguration} makes it, started as Camel starts it. */
    private SharedIdempotentRepository hubRepository(HikariDataSource pool) {
        return start(new SharedIdempotentRepository(pool, transactions(pool), PROCESSOR));
    }

    private SharedIdempotentRepository start(SharedIdempotentRepository repository) {
        repository.start();
        opened.add(repository::stop);
        return repository;
    }

    /** The connection pool of another hub instance on the same database; closed with the test. */
    private HikariDataSource secondPool(Database database) {
        HikariDataSource pool = database.newPool();
        opened.add(pool);
        return pool;
    }

    private static DataSourceTransactionManager transactions(HikariDataSource pool) {
        return new DataSourceTransactionManager(pool);
    }
}

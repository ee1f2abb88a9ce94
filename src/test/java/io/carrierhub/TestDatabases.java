package io.carrierhub;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The two databases the hub runs on, for the tests that run on both: the embedded H2 file database of the default
 * setup (same URL options as {@code application.yaml}) and PostgreSQL (embedded). Both are started once per JVM, when
 * a test first asks for them, migrated by Flyway as the hub does at start, and stopped when the JVM exits. Tests share
 * them: each test class empties the tables it uses before each test.
 */
public final class TestDatabases {

    /** What the JVM shutdown hook undoes, last started first. */
    private static final Deque<AutoCloseable> TO_CLOSE = new ConcurrentLinkedDeque<>();

    private static List<Database> databases;
    private static RuntimeException startFailure;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::closeAll, "test-databases-shutdown"));
    }

    private TestDatabases() {
    }

    /** A test that runs once on each database, given the {@link Database} as its parameter. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.carrierhub.TestDatabases#all")
    public @interface OnEachDatabase {
    }

    /** Both databases, started and migrated on the first call. */
    public static synchronized Stream<Database> all() {
        if (startFailure != null) {
            throw startFailure; // once is enough: do not start another set of databases for every test
        }
        if (databases == null) {
            try {
                databases = start();
            } catch (IOException | RuntimeException e) {
                startFailure = new IllegalStateException("the test databases did not start", e);
                throw startFailure;
            }
        }
        return databases.stream();
    }

    /** The PostgreSQL one, for a test of what only PostgreSQL does (its planner, a cluster of hubs). */
    public static Database postgresql() {
        return all().filter(database -> database.name().equals("PostgreSQL")).findFirst().orElseThrow();
    }

    private static List<Database> start() throws IOException {
        List<Database> started = new ArrayList<>();
        Path h2Directory = Files.createTempDirectory("carrierhub-h2-");
        TO_CLOSE.push(() -> deleteRecursively(h2Directory));
        // as the hub opens its embedded ledger (application.yaml)
        started.add(Database.migrated("H2 file", "jdbc:h2:file:retry:" + h2Directory.resolve("hub") + ";MODE=PostgreSQL;LOCK_TIMEOUT=30000;WRITE_DELAY=0", "hub", ""));
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        TO_CLOSE.push(postgres); // stops the postgres server process, which would outlive the JVM otherwise
        started.add(Database.migrated("PostgreSQL", postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"));
        return List.copyOf(started);
    }

    private static void closeAll() {
        for (AutoCloseable closeable = TO_CLOSE.poll(); closeable != null; closeable = TO_CLOSE.poll()) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("TestDatabases: could not close " + closeable + ": " + e);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static HikariDataSource connectionPool(String url, String user, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(10); // as the hub's spring.datasource.hikari.maximum-pool-size
        return pool;
    }

    /**
     * One database, migrated by Flyway as the hub does at start, behind a connection pool as in the hub.
     *
     * @param migration what the first migration of this database did
     */
    public record Database(String name, String url, String user, String password, HikariDataSource pool, Flyway flyway,
                           MigrateResult migration) {

        static Database migrated(String name, String url, String user, String password) {
            HikariDataSource pool = connectionPool(url, user, password);
            TO_CLOSE.push(pool);
            Flyway flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
            MigrateResult migration = flyway.migrate();
            return new Database(name, url, user, password, pool, flyway, migration);
        }

        public JdbcTemplate jdbc() {
            return new JdbcTemplate(pool);
        }

        public DataSourceTransactionManager transactions() {
            return new DataSourceTransactionManager(pool);
        }

        /** The connection pool of another hub instance on the same database; the caller closes it. */
        public HikariDataSource newPool() {
            return connectionPool(url, user, password);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}

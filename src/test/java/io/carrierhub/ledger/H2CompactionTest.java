package io.carrierhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.carrierhub.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An H2 ledger file with the hub's URL options, written as orders write it (a row each, then updates and events, each
 * its own commit): without compaction its chunks stay in the file for a few live pages each; with it the file keeps to
 * its data, and gives back to the disk what a purge freed. H2's retention time (45 s by default, before a chunk may be
 * rewritten) is 0 here so that a test need not wait for it.
 */
class H2CompactionTest {

    private static final String HUB_OPTIONS = ";LOCK_TIMEOUT=30000;WRITE_DELAY=0;RETENTION_TIME=0";

    @TempDir
    Path directory;

    @Test
    void compactionKeepsTheFileToItsData() throws Exception {
        StoreFile uncompacted = writeOrders("uncompacted", false);
        StoreFile compacted = writeOrders("compacted", true);

        assertThat(uncompacted.chunksFillRate()).as("share of live data in the chunks without compaction").isLessThan(30);
        assertThat(compacted.chunksFillRate()).as("share of live data in the chunks with compaction").isGreaterThanOrEqualTo(70);
        assertThat(compacted.bytes()).as("file size with compaction, against %d bytes without", uncompacted.bytes())
                .isLessThan(uncompacted.bytes() / 2);
    }

    @Test
    void aDatabaseThatIsNotAnEmbeddedH2FileIsLeftAlone() throws Exception {
        TestDatabases.Database postgres = TestDatabases.postgresql();
        try (Connection connection = postgres.pool().getConnection()) {
            assertThat(H2Compaction.fileStore(connection)).isEmpty();
        }
        assertThat(new H2Compaction(postgres.pool(), Duration.ofSeconds(1), 80).compact()).isFalse();
    }

    @Test
    void theFileGivesBackWhatAPurgeFreed() throws Exception {
        try (HikariDataSource pool = ledger("purged")) {
            H2Compaction compaction = new H2Compaction(pool, Duration.ofSeconds(1), 80);
            StoreFile written = writeOrders(pool, compaction);
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            jdbc.update("DELETE FROM events");
            jdbc.update("DELETE FROM orders WHERE id <> 'SO-1999'");
            for (int round = 0; round < 20; round++) {
                compaction.compact();
                jdbc.update("UPDATE orders SET status = ? WHERE id = 'SO-1999'", "ROUND-" + round); // the hub goes on
            }

            assertThat(storeFile(pool).bytes()).as("file size after the purge, against %d bytes before", written.bytes())
                    .isLessThan(written.bytes() / 10);
        }
    }

    /** An H2 file: its size, and the share (percent) of live data in its chunks. */
    private record StoreFile(long bytes, int chunksFillRate) {
    }

    private StoreFile writeOrders(String name, boolean compact) throws Exception {
        try (HikariDataSource pool = ledger(name)) {
            return writeOrders(pool, compact ? new H2Compaction(pool, Duration.ofSeconds(1), 80) : null);
        }
    }

    private HikariDataSource ledger(String name) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:file:" + directory.resolve(name) + HUB_OPTIONS);
        pool.setUsername("hub");
        return pool;
    }

    /** Orders as the hub writes them, compacted every 50 orders unless the compaction is null. */
    private StoreFile writeOrders(HikariDataSource pool, H2Compaction compaction) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        jdbc.execute("CREATE TABLE orders (id VARCHAR(40) PRIMARY KEY, body VARCHAR(4000), status VARCHAR(20))");
        jdbc.execute("CREATE TABLE events (id BIGINT AUTO_INCREMENT PRIMARY KEY, order_id VARCHAR(40), status VARCHAR(20))");
        String body = "<order>" + "x".repeat(1000) + "</order>";
        for (int order = 0; order < 2000; order++) {
            String id = "SO-" + order;
            jdbc.update("INSERT INTO orders VALUES (?, ?, 'RECEIVED')", id, body);
            for (String status : new String[] {"ACCEPTED", "BOOKED", "ANSWERED"}) {
                jdbc.update("UPDATE orders SET status = ? WHERE id = ?", status, id);
                jdbc.update("INSERT INTO events (order_id, status) VALUES (?, ?)", id, status);
            }
            if (compaction != null && order % 50 == 0) {
                compaction.compact();
            }
        }
        return storeFile(pool);
    }

    private StoreFile storeFile(HikariDataSource pool) throws Exception {
        try (Connection connection = pool.getConnection()) {
            MVStore store = H2Compaction.fileStore(connection).orElseThrow();
            Path file = Path.of(store.getFileStore().getFileName());
            assertThat(store.getFileStore().size()).isEqualTo(Files.size(file));
            return new StoreFile(store.getFileStore().size(), store.getFileStore().getChunksFillRate());
        }
    }
}

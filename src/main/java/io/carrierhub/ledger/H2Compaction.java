package io.carrierhub.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Rewrites the sparse chunks of an embedded H2 ledger file, the housekeeping H2 leaves undone when commits are not
 * delayed.
 * <p>
 * The ledger's H2 runs with {@code WRITE_DELAY=0}, so that a commit is written before the broker's message about it.
 * Each commit then appends a chunk to the file, and H2 compacts only from its background writer, which it does not
 * start when commits are not delayed ({@code FileStore.setAutoCommitDelay}). A chunk stays in the file while any of
 * its pages is live, so without this the file grows by tens of KiB per order with a fill rate falling to a few percent,
 * and the commits slow down with it. This does what H2's writer would ({@code MVStore.compact}: the live pages of
 * chunks older than H2's retention time are written anew, and emptied chunks are reused).
 */
public class H2Compaction implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    private final DataSource dataSource;
    private final Duration interval;
    private final int targetFillRate;
    private ScheduledExecutorService executor;

    /**
     * @param interval       how often the chunks are looked at
     * @param targetFillRate the share of live data (percent) below which the oldest chunks are rewritten
     */
    public H2Compaction(DataSource dataSource, Duration interval, int targetFillRate) {
        this.dataSource = dataSource;
        this.interval = interval;
        this.targetFillRate = targetFillRate;
    }

    /** Rewrites the live pages of sparse chunks, at most a quarter of H2's unsaved-changes budget at a time. */
    public boolean compact() {
        try (Connection connection = dataSource.getConnection()) {
            return fileStore(connection)
                    .map(store -> store.compact(targetFillRate, store.getAutoCommitMemory() / 4))
                    .orElse(false);
        } catch (SQLException | RuntimeException e) {
            log.warn("H2 ledger compaction failed, tried again in {}: {}", interval, e.toString());
            return false;
        }
    }

    /** The ledger's store when it is an H2 file opened in this JVM; nothing for PostgreSQL or a remote H2. */
    static Optional<MVStore> fileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? Optional.empty() : Optional.of(store);
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::compact, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** Stops it also when a context whose start failed destroys its beans without stopping them. */
    @Override
    public void destroy() {
        stop();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}

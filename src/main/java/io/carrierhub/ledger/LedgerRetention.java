package io.carrierhub.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The working tables of the ledger database that keep a row only for a while: rows older than their table's
 * retention are deleted by {@link #purge()}, which one timer route runs ({@code routes/ledger-retention.yaml}).
 */
public class LedgerRetention {

    private static final Logger log = LoggerFactory.getLogger(LedgerRetention.class);

    /** A table whose rows are kept for {@code retention} after the time in {@code timeColumn}. */
    public record Retained(String table, String timeColumn, Duration retention) {
    }

    private final JdbcTemplate jdbc;
    private final List<Retained> tables;
    private final Clock clock;

    public LedgerRetention(JdbcTemplate jdbc, List<Retained> tables, Clock clock) {
        this.jdbc = jdbc;
        this.tables = List.copyOf(tables);
        this.clock = clock;
    }

    /** Deletes, table by table, the rows older than the table's retention; returns how many, by table. */
    public Map<String, Integer> purge() {
        Map<String, Integer> purged = new LinkedHashMap<>();
        for (Retained retained : tables) {
            Timestamp before = Timestamp.from(clock.instant().minus(retained.retention()));
            int deleted = jdbc.update("DELETE FROM " + retained.table() + " WHERE " + retained.timeColumn() + " < ?", before);
            if (deleted > 0) {
                log.info("Ledger retention: {} rows of {} older than {} deleted", deleted, retained.table(), retained.retention());
            }
            purged.put(retained.table(), deleted);
        }
        return purged;
    }
}

package io.carrierhub.ledger;

import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serials from number series the hub hands out itself (tables hub_number_series and hub_order_allotment). An order
 * keeps the serials it was given: every attempt for it gets the same ones, however often it is tried and whichever
 * hub instance tries it. Serials are taken in a transaction of their own, committed at once, so that a serial is
 * never given twice even when the attempt that took it is rolled back; such a serial is lost, not reused.
 */
public class Allotments {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public Allotments(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The {@code count} serials of this order in this series: those it was given before, else the next free ones. */
    public List<Long> serials(String orderId, String series, Range range, int count) {
        List<Long> given = given(orderId, series);
        if (given.size() >= count) {
            return given.subList(0, count);
        }
        List<Long> serials = new ArrayList<>(given);
        long first = take(series, range, count - given.size());
        for (int position = given.size(); position < count; position++) {
            long serial = first + position - given.size();
            try {
                jdbc.update("INSERT INTO hub_order_allotment (order_id, series, position, serial) VALUES (?, ?, ?, ?)",
                        orderId, series, position, serial);
                serials.add(serial);
            } catch (DuplicateKeyException givenAtTheSameMomentByAnother) {
                return given(orderId, series).subList(0, count);
            }
        }
        return serials;
    }

    private List<Long> given(String orderId, String series) {
        return jdbc.queryForList("SELECT serial FROM hub_order_allotment WHERE order_id = ? AND series = ? ORDER BY position",
                Long.class, orderId, series);
    }

    /** Takes {@code count} consecutive serials of the series, the first of which it returns. */
    private long take(String series, Range range, int count) {
        start(series, range);
        long first = ownTransaction.execute(status -> {
            jdbc.update("UPDATE hub_number_series SET next_serial = next_serial + ? WHERE series = ?", count, series);
            return jdbc.queryForObject("SELECT next_serial FROM hub_number_series WHERE series = ?", Long.class, series) - count;
        });
        if (first < range.first() || first + count - 1 > range.last()) {
            throw new IllegalStateException("number series " + series + " is used up (" + range.first() + " to " + range.last()
                    + "): allot a new range and configure it");
        }
        return first;
    }

    private void start(String series, Range range) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM hub_number_series WHERE series = ?", Integer.class, series) == 0) {
            try {
                ownTransaction.executeWithoutResult(status ->
                        jdbc.update("INSERT INTO hub_number_series (series, next_serial) VALUES (?, ?)", series, range.first()));
            } catch (DuplicateKeyException startedAtTheSameMomentByAnother) {
                // the series exists: that is all this wanted
            }
        }
    }

    /** A range of serials, both ends included. */
    public record Range(long first, long last) {

        public Range {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("a number range runs from a first serial to a last one not below it: " + first + " to " + last);
            }
        }
    }
}

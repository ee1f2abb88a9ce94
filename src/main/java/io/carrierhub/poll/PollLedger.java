package io.carrierhub.poll;

import io.carrierhub.ledger.LedgerStatus;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the status polls read from and write to the ledger: the open orders (accepted, not ended by an event), and
 * each order's last carrier status. Writes join the caller's transaction.
 */
public class PollLedger {

    private static final OffsetDateTime BEFORE_ALL = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PollLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A page of one carrier's open orders: one range of index hub_order_open_by_carrier, read in the index's order. The
     * row comparison starts the range after the last order of the page before, and polls_ended_at (null in every row)
     * leads the ORDER BY so that it is the index's; with {@code created_at > ? OR ...} and {@code ORDER BY created_at}
     * PostgreSQL read every open order of the ledger and sorted them for each page (34 ms a page with 47,000, 2026-12-07).
     */
    static final String OPEN_ORDERS = """
            SELECT o.order_id, o.carrier, o.carrier_status, o.carrier_status_at, o.created_at,
                   (SELECT MIN(e.occurred_at) FROM hub_order_event e
                    WHERE e.order_id = o.order_id AND e.event_type = 'ACCEPTED') AS accepted_at
            FROM hub_order o
            WHERE o.carrier = ? AND o.status = ? AND o.polls_ended_at IS NULL AND (o.created_at, o.order_id) > (?, ?)
            ORDER BY o.polls_ended_at, o.created_at, o.order_id
            FETCH FIRST ? ROWS ONLY""";

    /**
     * Up to {@code size} open orders of the carrier, oldest first (by when the hub received them), after the given one;
     * from the first when {@code afterCreatedAt} is null. The cost of a page does not grow with the open orders of
     * other carriers, nor with those before it ({@link #OPEN_ORDERS}).
     */
    public List<OpenPage> openOrders(String carrier, OffsetDateTime afterCreatedAt, String afterOrderId, int size) {
        List<OpenPage> rows = jdbc.query(OPEN_ORDERS,
                (rs, row) -> new OpenPage(new OpenOrder(rs.getString("order_id"), rs.getString("carrier"), List.of(),
                        rs.getString("carrier_status"), instant(rs.getObject("accepted_at", OffsetDateTime.class)),
                        instant(rs.getObject("carrier_status_at", OffsetDateTime.class))),
                        rs.getObject("created_at", OffsetDateTime.class)),
                carrier, LedgerStatus.ACCEPTED.name(), afterCreatedAt != null ? afterCreatedAt : BEFORE_ALL,
                afterOrderId != null ? afterOrderId : "", size);
        return withReferences(rows);
    }

    /**
     * Records a poll's event as the order's last carrier status, and the end of its polling when the event is
     * terminal. Returns false, changing nothing, for an event that tells nothing new: the order's polling has ended,
     * the event repeats the last status, or it happened before the last status.
     */
    public boolean record(TmsEvent event, boolean terminal) {
        OffsetDateTime occurredAt = XmlDates.toOffsetDateTime(event.getOccurredAt());
        String status = status(event);
        return jdbc.update("""
                UPDATE hub_order SET carrier_status = ?, carrier_status_at = ?, polls_ended_at = ?, updated_at = ?
                WHERE order_id = ? AND polls_ended_at IS NULL
                  AND (carrier_status IS NULL OR carrier_status <> ?)
                  AND (carrier_status_at IS NULL OR carrier_status_at <= ?)""",
                status, occurredAt, terminal ? OffsetDateTime.now(clock) : null, OffsetDateTime.now(clock),
                event.getOrderId(), status, occurredAt) == 1;
    }

    /** The status a poll's event leaves the order in: the carrier's own words, or the event type without them. */
    static String status(TmsEvent event) {
        return event.getCarrierStatus() != null ? event.getCarrierStatus() : event.getEventType().value();
    }

    private List<OpenPage> withReferences(List<OpenPage> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<CarrierReference>> references = new LinkedHashMap<>();
        rows.forEach(row -> references.put(row.order().orderId(), new ArrayList<>()));
        jdbc.query("SELECT order_id, ref_type, ref_value FROM hub_order_reference WHERE order_id IN ("
                        + String.join(", ", Collections.nCopies(rows.size(), "?")) + ") ORDER BY order_id, ref_type, position",
                rs -> {
                    references.get(rs.getString(1)).add(CarrierReferences.of(rs.getString(2), rs.getString(3)));
                }, references.keySet().toArray());
        return rows.stream().map(row -> new OpenPage(new OpenOrder(row.order().orderId(), row.order().carrier(),
                references.get(row.order().orderId()), row.order().lastCarrierStatus(), row.order().acceptedAt(),
                row.order().lastStatusAt()), row.createdAt())).toList();
    }

    private static Instant instant(OffsetDateTime time) {
        return time != null ? time.toInstant() : null;
    }

    /** An open order and when the hub received it, where the next page starts. */
    public record OpenPage(OpenOrder order, OffsetDateTime createdAt) {
    }
}

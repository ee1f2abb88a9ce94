package io.carrierhub.bringg;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The Bringg deliveries the hub carries (table bringg_delivery) and the driver-API calls made for them (bringg_call). */
public class BringgDeliveries {

    /** How far a delivery's call sequence got at Bringg. */
    public enum State { NEW, ASSIGNED, STARTED, CHECKED_IN, CHECKED_OUT, ENDED, CANCELLED }

    public record Delivery(String orderId, String merchant, long taskId, String carrier, String orderXml, State state,
                           long lastSequence, boolean cancelledByBringg, String driverId, String driverName, String driverPhone,
                           BigDecimal latitude, BigDecimal longitude) {

        public boolean active() {
            return state == State.STARTED || state == State.CHECKED_IN || state == State.CHECKED_OUT;
        }

        public boolean ended() {
            return state == State.ENDED || state == State.CANCELLED;
        }
    }

    private static final RowMapper<Delivery> ROW = (rs, row) -> new Delivery(rs.getString("order_id"), rs.getString("merchant"),
            rs.getLong("task_id"), rs.getString("carrier"), rs.getString("order_xml"), State.valueOf(rs.getString("state")),
            rs.getLong("last_sequence"), rs.getBoolean("cancelled_by_bringg"), rs.getString("driver_id"), rs.getString("driver_name"),
            rs.getString("driver_phone"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public BringgDeliveries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a delivery Bringg handed over; a second record of the same one (Bringg's retry) changes nothing. */
    public void created(String orderId, String merchant, long taskId, String carrier, String orderXml) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            jdbc.update("""
                    INSERT INTO bringg_delivery (order_id, merchant, task_id, carrier, order_xml, state, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", orderId, merchant, taskId, carrier, orderXml, State.NEW.name(), now, now);
        } catch (DuplicateKeyException handedOverBefore) {
            // the same task again: the first record stands
        }
    }

    public Optional<Delivery> find(String orderId) {
        return jdbc.query("SELECT * FROM bringg_delivery WHERE order_id = ?", ROW, orderId).stream().findFirst();
    }

    public Optional<Delivery> byTask(String merchant, long taskId) {
        return jdbc.query("SELECT * FROM bringg_delivery WHERE merchant = ? AND task_id = ?", ROW, merchant, taskId).stream().findFirst();
    }

    /** Whether the order is a Bringg delivery, whose TMS events drive driver-API calls. */
    public boolean follows(String orderId) {
        return orderId != null && find(orderId).isPresent();
    }

    /** Deliveries whose driver is on the way: each gets its latest known position every location interval. */
    public List<Delivery> active() {
        return jdbc.query("SELECT * FROM bringg_delivery WHERE state IN ('STARTED', 'CHECKED_IN', 'CHECKED_OUT') AND latitude IS NOT NULL",
                ROW);
    }

    public List<String> activeOrderIds() {
        return active().stream().map(Delivery::orderId).toList();
    }

    public void orderChanged(String orderId, String orderXml) {
        jdbc.update("UPDATE bringg_delivery SET order_xml = ?, updated_at = ? WHERE order_id = ?", orderXml, OffsetDateTime.now(clock), orderId);
    }

    public void cancelledByBringg(String orderId) {
        jdbc.update("UPDATE bringg_delivery SET cancelled_by_bringg = TRUE, updated_at = ? WHERE order_id = ?", OffsetDateTime.now(clock), orderId);
    }

    public void trackingUrl(String orderId, String url) {
        jdbc.update("UPDATE bringg_delivery SET tracking_url = ?, updated_at = ? WHERE order_id = ?", url, OffsetDateTime.now(clock), orderId);
    }

    /** Moves the delivery on to this state; never back (a second assign_driver keeps a started delivery started). */
    public void state(String orderId, State state) {
        find(orderId).filter(delivery -> !delivery.ended() && delivery.state().ordinal() < state.ordinal()).ifPresent(delivery ->
                jdbc.update("UPDATE bringg_delivery SET state = ?, updated_at = ? WHERE order_id = ?", state.name(), OffsetDateTime.now(clock), orderId));
    }

    /** The event of this sequence is done with: events of a lower or equal sequence are copies. */
    public void handled(String orderId, long sequence) {
        jdbc.update("UPDATE bringg_delivery SET last_sequence = ?, updated_at = ? WHERE order_id = ? AND last_sequence < ?",
                sequence, OffsetDateTime.now(clock), orderId, sequence);
    }

    public void driver(String orderId, String id, String name, String phone) {
        jdbc.update("UPDATE bringg_delivery SET driver_id = ?, driver_name = ?, driver_phone = ?, updated_at = ? WHERE order_id = ?",
                id, name, phone, OffsetDateTime.now(clock), orderId);
    }

    public void position(String orderId, BigDecimal latitude, BigDecimal longitude) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.update("UPDATE bringg_delivery SET latitude = ?, longitude = ?, located_at = ?, updated_at = ? WHERE order_id = ?",
                latitude, longitude, now, now, orderId);
    }

    /**
     * Claims a call before it goes out; false when it was claimed before and not given back as failed: it went out,
     * or may have (the hub died mid-call), and is never sent twice.
     */
    public boolean claim(String orderId, String eventKey, String call) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int retaken = jdbc.update("UPDATE bringg_call SET outcome = 'CLAIMED', claimed_at = ?, answered_at = NULL "
                + "WHERE order_id = ? AND event_key = ? AND call_name = ? AND outcome IN ('FAILED', 'DEAD')", now, orderId, eventKey, call);
        if (retaken == 1) {
            return true;
        }
        try {
            jdbc.update("INSERT INTO bringg_call (order_id, event_key, call_name, outcome, claimed_at) VALUES (?, ?, ?, 'CLAIMED', ?)",
                    orderId, eventKey, call, now);
            return true;
        } catch (DuplicateKeyException claimedBefore) {
            return false;
        }
    }

    /** Bringg took the call. */
    public void answered(String orderId, String eventKey, String call, boolean sent) {
        outcome(orderId, eventKey, call, sent ? "SENT" : "FAILED");
    }

    /**
     * Bringg did not take the call: FAILED while a later attempt will send it again (later events of the delivery
     * wait behind it), DEAD once dead-lettered (a replay from the DLQ sends it again).
     */
    public void failed(String orderId, String eventKey, String call, boolean retryLater) {
        outcome(orderId, eventKey, call, retryLater ? "FAILED" : "DEAD");
    }

    /** Whether a call of another event of the delivery waits for its next attempt: this event must follow it. */
    public boolean waitingBefore(String orderId, String eventKey) {
        Integer waiting = jdbc.queryForObject("SELECT COUNT(*) FROM bringg_call WHERE order_id = ? AND event_key <> ? AND outcome = 'FAILED'",
                Integer.class, orderId, eventKey);
        return waiting != null && waiting > 0;
    }

    private void outcome(String orderId, String eventKey, String call, String outcome) {
        jdbc.update("UPDATE bringg_call SET outcome = ?, answered_at = ? WHERE order_id = ? AND event_key = ? AND call_name = ?",
                outcome, OffsetDateTime.now(clock), orderId, eventKey, call);
    }

    /** The calls made for a delivery, in the order they were claimed (for tests and operations). */
    public List<String> calls(String orderId) {
        return jdbc.queryForList("SELECT call_name FROM bringg_call WHERE order_id = ? AND outcome = 'SENT' ORDER BY claimed_at, answered_at",
                String.class, orderId);
    }
}

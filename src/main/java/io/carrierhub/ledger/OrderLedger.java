package io.carrierhub.ledger;

import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.OrderMessage;
import io.carrierhub.order.model.Action;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.Order;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order ledger (tables in {@code db/migration}): what the hub received for each order, what the carrier
 * answered, and the carrier's ids. Writes join the caller's transaction when there is one.
 */
public class OrderLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final OrderCodec codec;
    private final Clock clock;

    public OrderLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions, OrderCodec codec, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Records a message from the ERP. The order it carries is kept only once the carrier accepts it
     * ({@link #accepted}): a later cancel must send what the carrier holds, not what it refused.
     */
    public void received(OrderMessage message) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // an order's first message adds its row; a later one, or one that lost the race to another message of the same
        // order, updates it (ON CONFLICT DO NOTHING: no unique-key error, which on PostgreSQL would end the transaction)
        int added = jdbc.update("""
                INSERT INTO hub_order (order_id, carrier, last_action, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                message.orderId(), message.carrier(), message.action().value(), LedgerStatus.RECEIVED.name(), now, now);
        if (added == 0) {
            jdbc.update("""
                    UPDATE hub_order SET carrier = ?, last_action = ?, status = ?, error_code = NULL, error_reason = NULL, updated_at = ?
                    WHERE order_id = ?""",
                    message.carrier(), message.action().value(), LedgerStatus.RECEIVED.name(), now, message.orderId());
        }
    }

    /**
     * Records the carrier's yes and the ids it gave (they replace any earlier ones of the same type); a create or
     * update also keeps the order it carried, for later updates and cancels.
     */
    public void accepted(OrderMessage message, List<CarrierReference> references) {
        LedgerStatus status = message.action() == Action.CANCEL ? LedgerStatus.CANCELLED : LedgerStatus.ACCEPTED;
        byte[] body = message.order() != null ? message.body() : null;
        StringBuilder sql = new StringBuilder("""
                UPDATE hub_order SET status = ?, order_body = COALESCE(?, order_body), updated_at = ?,
                       waiting_key = CASE WHEN waiting_key = ? THEN NULL ELSE waiting_key END
                WHERE order_id = ?""");
        List<Object> args = new ArrayList<>(Arrays.asList(status.name(), body, OffsetDateTime.now(clock),
                message.idempotencyKey(), message.orderId()));
        // the answer's statements in one string: PostgreSQL's driver sends them together, one round trip to a ledger
        // that may be far away; H2 runs them one after the other
        if (!references.isEmpty()) {
            List<String> types = references.stream().map(CarrierReference::getType).distinct().toList();
            sql.append(";\nDELETE FROM hub_order_reference WHERE order_id = ? AND ref_type IN (")
                    .append(String.join(", ", Collections.nCopies(types.size(), "?"))).append(')');
            args.add(message.orderId());
            args.addAll(types);
            sql.append(";\nINSERT INTO hub_order_reference (order_id, ref_type, ref_value, position) VALUES ")
                    .append(String.join(", ", Collections.nCopies(references.size(), "(?, ?, ?, ?)")));
            for (int i = 0; i < references.size(); i++) {
                args.addAll(Arrays.asList(message.orderId(), references.get(i).getType(), references.get(i).getValue(), i));
            }
        }
        // one commit for the whole answer when the caller has no transaction: each commit is a sync to disk
        transactions.executeWithoutResult(step -> jdbc.update(sql.toString(), args.toArray()));
    }

    /** Records why an order was refused; an order the ledger never saw is left alone. */
    public void rejected(String orderId, String code, String reason) {
        jdbc.update("UPDATE hub_order SET status = ?, error_code = ?, error_reason = ?, updated_at = ? WHERE order_id = ?",
                LedgerStatus.REJECTED.name(), code, truncate(reason), OffsetDateTime.now(clock), orderId);
    }

    /**
     * Whether this message must wait behind an earlier message of the same order that waits on the lane for its next
     * attempt. Refuses an order the ledger never received: it did not come through the intake (dropped on a lane by
     * hand), and a carrier's yes could not be recorded for it.
     */
    public boolean mustWait(OrderMessage message) {
        List<String> waiting = jdbc.query("SELECT waiting_key FROM hub_order WHERE order_id = ?",
                (rs, row) -> rs.getString(1), message.orderId());
        if (waiting.isEmpty()) {
            throw new InvalidMessageException("UNKNOWN_ORDER", "order " + message.orderId()
                    + " is not in the ledger: orders come to a carrier's lane through the intake");
        }
        return waiting.get(0) != null && !waiting.get(0).equals(message.idempotencyKey());
    }

    /** This message waits on the lane for its next attempt; the order's later messages wait behind it. */
    public void waiting(OrderMessage message) {
        jdbc.update("UPDATE hub_order SET waiting_key = ? WHERE order_id = ? AND waiting_key IS NULL",
                message.idempotencyKey(), message.orderId());
    }

    /** This message is done (dead-lettered): the order's later messages no longer wait behind it. */
    public void stopWaiting(OrderMessage message) {
        jdbc.update("UPDATE hub_order SET waiting_key = NULL WHERE order_id = ? AND waiting_key = ?",
                message.orderId(), message.idempotencyKey());
    }

    /** Whether the order got its answer: the carrier's yes or a rejection. False while it is still being handled. */
    public boolean answered(String orderId) {
        return find(orderId).map(entry -> entry.status() != LedgerStatus.RECEIVED).orElse(false);
    }

    /**
     * The order a carrier booked, for an update or cancel: it must hold the carrier's reference of this type and
     * not be cancelled; otherwise the message is refused as UNKNOWN_ORDER.
     */
    public LedgerEntry booked(OrderMessage message, String referenceType) {
        return find(message.orderId())
                .filter(entry -> entry.reference(referenceType).isPresent() && entry.status() != LedgerStatus.CANCELLED)
                .orElseThrow(() -> new InvalidMessageException("UNKNOWN_ORDER", "order " + message.orderId()
                        + " has no booking at " + message.carrier() + " to " + message.action().value().toLowerCase()));
    }

    /** The order as the ledger keeps it: the last create or update the carrier accepted. */
    public Order order(LedgerEntry entry) {
        return codec.reread(entry.orderBody(), null).order();
    }

    /** When the intake first recorded the order, if it did. */
    public Optional<OffsetDateTime> receivedAt(String orderId) {
        return jdbc.query("SELECT created_at FROM hub_order WHERE order_id = ?",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class), orderId).stream().findFirst();
    }

    public Optional<LedgerEntry> find(String orderId) {
        List<CarrierReference> references = jdbc.query(
                "SELECT ref_type, ref_value FROM hub_order_reference WHERE order_id = ? ORDER BY ref_type, position",
                (rs, row) -> CarrierReferences.of(rs.getString(1), rs.getString(2)), orderId);
        return jdbc.query("SELECT * FROM hub_order WHERE order_id = ?", (rs, row) -> new LedgerEntry(
                rs.getString("order_id"), rs.getString("carrier"), rs.getString("last_action"),
                LedgerStatus.valueOf(rs.getString("status")), orderBody(rs), references,
                rs.getString("error_code"), rs.getString("error_reason"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class)), orderId)
                .stream().findFirst();
    }

    /** The ERP's body; for an order recorded before V5, the createOrder XML the hub wrote then (UTF-8). */
    private static byte[] orderBody(ResultSet rs) throws SQLException {
        byte[] body = rs.getBytes("order_body");
        String document = rs.getString("order_document");
        return body != null || document == null ? body : document.getBytes(StandardCharsets.UTF_8);
    }

    private static String truncate(String reason) {
        return reason != null && reason.length() > 4000 ? reason.substring(0, 4000) : reason;
    }
}

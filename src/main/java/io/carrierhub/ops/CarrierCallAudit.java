package io.carrierhub.ops;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit of carrier calls in the ledger database (table hub_carrier_call): written per call, read per order; kept for
 * {@code hub.retention.carrier-calls} ({@link io.carrierhub.ledger.LedgerRetention}).
 */
public class CarrierCallAudit {

    private final JdbcTemplate jdbc;
    private final AuditMasking masking;
    private final AuditProperties properties;

    public CarrierCallAudit(JdbcTemplate jdbc, AuditMasking masking, AuditProperties properties) {
        this.jdbc = jdbc;
        this.masking = masking;
        this.properties = properties;
    }

    /** Records the calls, in one statement batch, with their bodies masked and cut to {@code hub.audit.max-body-length}. */
    public void record(List<CarrierCall> calls) {
        jdbc.batchUpdate("INSERT INTO hub_carrier_call (called_at, carrier, order_id, operation, status, duration_ms,"
                        + " request_body, response_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                calls.stream().map(call -> new Object[] {Timestamp.from(call.calledAt()), call.carrier(), call.orderId(),
                        call.operation(), call.status(), call.durationMillis(), kept(call.requestBody()),
                        kept(call.responseBody())}).toList());
    }

    /** The calls made for an order, first first. */
    public List<CarrierCall> forOrder(String orderId) {
        return jdbc.query("SELECT * FROM hub_carrier_call WHERE order_id = ? ORDER BY called_at, id",
                (row, n) -> new CarrierCall(row.getTimestamp("called_at").toInstant(), row.getString("carrier"),
                        row.getString("order_id"), row.getString("operation"), row.getString("status"),
                        row.getLong("duration_ms"), row.getString("request_body"), row.getString("response_body")),
                orderId);
    }

    private String kept(String body) {
        String masked = masking.mask(body);
        return masked == null || masked.length() <= properties.maxBodyLength()
                ? masked : masked.substring(0, properties.maxBodyLength());
    }
}

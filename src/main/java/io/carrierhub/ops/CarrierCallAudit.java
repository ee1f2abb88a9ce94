package io.carrierhub.ops;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit of carrier calls in the ledger database (table hub_carrier_call): written per call, read per order, purged. */
public class CarrierCallAudit {

    private static final Logger log = LoggerFactory.getLogger(CarrierCallAudit.class);

    private final JdbcTemplate jdbc;
    private final AuditMasking masking;
    private final AuditProperties properties;
    private final Clock clock;

    public CarrierCallAudit(JdbcTemplate jdbc, AuditMasking masking, AuditProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.masking = masking;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records the call with its bodies masked and cut to {@code hub.audit.max-body-length}. */
    public void record(CarrierCall call) {
        jdbc.update("INSERT INTO hub_carrier_call (called_at, carrier, order_id, operation, status, duration_ms, request_body,"
                        + " response_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(call.calledAt()), call.carrier(), call.orderId(), call.operation(), call.status(),
                call.durationMillis(), kept(call.requestBody()), kept(call.responseBody()));
    }

    /** The calls made for an order, first first. */
    public List<CarrierCall> forOrder(String orderId) {
        return jdbc.query("SELECT * FROM hub_carrier_call WHERE order_id = ? ORDER BY called_at, id",
                (row, n) -> new CarrierCall(row.getTimestamp("called_at").toInstant(), row.getString("carrier"),
                        row.getString("order_id"), row.getString("operation"), row.getString("status"),
                        row.getLong("duration_ms"), row.getString("request_body"), row.getString("response_body")),
                orderId);
    }

    /** Deletes the records older than {@code hub.audit.retention}; returns how many. */
    public int purge() {
        Instant before = clock.instant().minus(properties.retention());
        int purged = jdbc.update("DELETE FROM hub_carrier_call WHERE called_at < ?", Timestamp.from(before));
        if (purged > 0) {
            log.info("Carrier call audit: {} records older than {} deleted", purged, properties.retention());
        }
        return purged;
    }

    private String kept(String body) {
        String masked = masking.mask(body);
        return masked == null || masked.length() <= properties.maxBodyLength()
                ? masked : masked.substring(0, properties.maxBodyLength());
    }
}

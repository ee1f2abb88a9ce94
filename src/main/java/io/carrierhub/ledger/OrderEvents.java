package io.carrierhub.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.json.JaxbJson;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.Driver;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.GeoPoint;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The status history of each order (table hub_order_event): the TMS events the hub sent, numbered 1, 2, ... per
 * order. Writes join the caller's transaction when there is one.
 */
public class OrderEvents {

    /** Each attempt loses only to an event recorded at the same moment for the same order, by another thread or hub. */
    private static final int MAX_ATTEMPTS = 50;
    private static final TypeReference<List<CarrierReference>> REFERENCES = new TypeReference<>() {
    };

    private static final String INSERT = """
            INSERT INTO hub_order_event (order_id, sequence, carrier, event_type, carrier_status, occurred_at,
                   driver_name, driver_phone, latitude, longitude, carrier_references, note, recorded_at)
            VALUES (?, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM hub_order_event WHERE order_id = ?), ?, ?, ?, ?,
                   ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json = JaxbJson.mapper("value");

    public OrderEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the event as the next of its order and sets its {@code sequence}, which it also returns. */
    public long record(TmsEvent event) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            // taken by an event recorded at the same moment: the insert leaves it alone (ON CONFLICT DO NOTHING, no
            // unique-key error, which on PostgreSQL would end the caller's transaction), and the next number is tried
            Long sequence = insert(event);
            if (sequence != null) {
                event.setSequence(sequence);
                return sequence;
            }
        }
        throw new IllegalStateException("no free sequence for an event of order " + event.getOrderId()
                + " after " + MAX_ATTEMPTS + " attempts");
    }

    /** The order's events, first recorded first. */
    public List<TmsEvent> history(String orderId) {
        return jdbc.query("SELECT * FROM hub_order_event WHERE order_id = ? ORDER BY sequence", (rs, row) -> event(rs), orderId);
    }

    /** Inserts the event as the next of its order, numbered in the same statement; null if that number was taken. */
    private Long insert(TmsEvent event) {
        Driver driver = event.getDriver();
        GeoPoint location = event.getLocation();
        Object[] args = {event.getOrderId(), event.getOrderId(), event.getCarrier(), event.getEventType().value(),
                event.getCarrierStatus(), XmlDates.toOffsetDateTime(event.getOccurredAt()),
                driver != null ? driver.getName() : null, driver != null ? driver.getPhone() : null,
                location != null ? location.getLatitude() : null, location != null ? location.getLongitude() : null,
                references(event.getCarrierReference()), event.getNote(), OffsetDateTime.now(clock)};
        KeyHolder sequence = new GeneratedKeyHolder();
        int added = jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(INSERT, new String[] {"sequence"});
            new ArgumentPreparedStatementSetter(args).setValues(statement);
            return statement;
        }, sequence);
        return added == 1 ? sequence.getKeyAs(Long.class) : null;
    }

    private TmsEvent event(ResultSet rs) throws SQLException {
        TmsEvent event = new TmsEvent();
        event.setOrderId(rs.getString("order_id"));
        event.setSequence(rs.getLong("sequence"));
        event.setCarrier(rs.getString("carrier"));
        event.setEventType(EventType.fromValue(rs.getString("event_type")));
        event.setCarrierStatus(rs.getString("carrier_status"));
        event.setOccurredAt(XmlDates.of(rs.getObject("occurred_at", OffsetDateTime.class)));
        if (rs.getString("driver_name") != null || rs.getString("driver_phone") != null) {
            Driver driver = new Driver();
            driver.setName(rs.getString("driver_name"));
            driver.setPhone(rs.getString("driver_phone"));
            event.setDriver(driver);
        }
        if (rs.getBigDecimal("latitude") != null) {
            GeoPoint location = new GeoPoint();
            location.setLatitude(asWritten(rs.getBigDecimal("latitude")));
            location.setLongitude(asWritten(rs.getBigDecimal("longitude")));
            event.setLocation(location);
        }
        event.getCarrierReference().addAll(references(rs.getString("carrier_references")));
        event.setNote(rs.getString("note"));
        return event;
    }

    private String references(List<CarrierReference> references) {
        try {
            return references.isEmpty() ? null : json.writeValueAsString(references);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write carrier references", e);
        }
    }

    private List<CarrierReference> references(String column) {
        try {
            return column == null ? List.of() : json.readValue(column, REFERENCES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable carrier references in hub_order_event: " + column, e);
        }
    }

    /** Without the zeros the column's scale adds: 60.3913, not 60.39130000. */
    private static BigDecimal asWritten(BigDecimal degrees) {
        BigDecimal stripped = degrees.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

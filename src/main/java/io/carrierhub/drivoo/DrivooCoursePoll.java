package io.carrierhub.drivoo;

import com.fasterxml.jackson.databind.JsonNode;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.Driver;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.GeoPoint;
import io.carrierhub.poll.OpenOrder;
import io.carrierhub.poll.StatusPoll;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of open Drivoo courses, one {@code GET /course/:id} each (the seed's "Récupérer l'état d'une course"):
 * a course whose state moved on along created -> assigned -> in_transit -> delivered | returned | canceled since the
 * state last reported gives one event, of the state it is in now, with Drivoo's state as carrierStatus, its driver
 * (name, mobile), the driver's last position, and Drivoo's updated_at as the time. Nothing for a course whose state
 * did not move on, nor for one Drivoo no longer has (404, logged). A state the poll never saw (shorter than its
 * interval) is not made up.
 */
public class DrivooCoursePoll implements StatusPoll {

    private static final Logger LOG = LoggerFactory.getLogger(DrivooCoursePoll.class);
    private static final DateTimeFormatter DRIVOO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String PHONE = "\\+?[0-9 ()\\-]{4,25}";

    /** Drivoo's states in the order a course goes through them; the three last all end it. */
    private static final Map<String, Integer> RANK = Map.of(
            "created", 0, "assigned", 1, "in_transit", 2, "delivered", 3, "returned", 3, "canceled", 3);
    private static final Map<String, EventType> EVENT = Map.of(
            "created", EventType.CREATED, "assigned", EventType.ASSIGNED, "in_transit", EventType.IN_TRANSIT,
            "delivered", EventType.DELIVERED, "returned", EventType.RETURNED, "canceled", EventType.CANCELLED);

    private final DrivooApi api;

    public DrivooCoursePoll(DrivooApi api) {
        this.api = api;
    }

    @Override
    public String name() {
        return DrivooApi.NAME;
    }

    @Override
    public Set<String> carriers() {
        return api.carriers();
    }

    /** The orders with a course id whose course has not ended as last reported. */
    @Override
    public boolean follows(OpenOrder order) {
        return course(order).isPresent() && rank(order.lastCarrierStatus()) < 3;
    }

    @Override
    public List<TmsEvent> check(OpenOrder order) {
        Optional<String> course = course(order);
        if (course.isEmpty()) {
            return List.of();
        }
        DrivooApi.Account account = api.account(order.carrier());
        Optional<JsonNode> member = account.pages().member("course", course.get());
        if (member.isEmpty()) {
            LOG.warn("{} has no course {} of order {} any more (HTTP 404)", order.carrier(), course.get(), order.orderId());
            return List.of();
        }
        String state = member.get().path("etat").asText();
        if (!RANK.containsKey(state)) {
            LOG.warn("{}: course {} of order {} is in a state the hub does not know: {}", order.carrier(), course.get(),
                    order.orderId(), state);
            return List.of();
        }
        return RANK.get(state) > rank(order.lastCarrierStatus())
                ? List.of(event(order, course.get(), state, member.get(), account.properties().timeZone()))
                : List.of();
    }

    private static TmsEvent event(OpenOrder order, String course, String state, JsonNode member, ZoneId zone) {
        TmsEvent event = new TmsEvent();
        event.setOrderId(order.orderId());
        event.setCarrier(order.carrier());
        event.setEventType(EVENT.get(state));
        event.setCarrierStatus(state);
        event.setOccurredAt(XmlDates.of(time(member.path("updated_at").asText(null), zone)));
        event.getCarrierReference().add(CarrierReferences.of(DrivooClient.COURSE, course));
        position(member).ifPresent(event::setLocation);
        driver(member).ifPresent(event::setDriver);
        return event;
    }

    /** Drivoo's "2014-10-28 14:52:00" in its zone; now when it gives no time the hub can read. */
    private static java.time.OffsetDateTime time(String text, ZoneId zone) {
        try {
            return LocalDateTime.parse(text, DRIVOO_DATE).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return java.time.OffsetDateTime.now(zone);
        }
    }

    private static Optional<GeoPoint> position(JsonNode member) {
        try {
            BigDecimal latitude = new BigDecimal(member.path("driver_lat").asText());
            BigDecimal longitude = new BigDecimal(member.path("driver_long").asText());
            if (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0 || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
                return Optional.empty();
            }
            GeoPoint point = new GeoPoint();
            point.setLatitude(latitude);
            point.setLongitude(longitude);
            return Optional.of(point);
        } catch (NumberFormatException noPosition) {
            return Optional.empty();
        }
    }

    private static Optional<Driver> driver(JsonNode member) {
        String name = (text(member, "driver_prenom") + " " + text(member, "driver_nom")).trim();
        String mobile = text(member, "driver_mobile");
        if (name.isEmpty() && mobile.isEmpty()) {
            return Optional.empty();
        }
        Driver driver = new Driver();
        driver.setName(name.isEmpty() ? null : name);
        driver.setPhone(mobile.matches(PHONE) ? mobile : null);
        return Optional.of(driver);
    }

    private static String text(JsonNode member, String field) {
        JsonNode value = member.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asText().trim();
    }

    private static Optional<String> course(OpenOrder order) {
        return order.references().stream().filter(reference -> DrivooClient.COURSE.equals(reference.getType()))
                .map(CarrierReference::getValue).findFirst();
    }

    private static int rank(String state) {
        return state == null ? -1 : RANK.getOrDefault(state, -1);
    }
}

package io.carrierhub.bringg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.bringg.BringgDeliveries.Delivery;
import io.carrierhub.bringg.BringgDeliveries.State;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.error.CarrierResponseClassifier;
import io.carrierhub.error.CarrierUnavailableException;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.Driver;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver-API calls of the Bringg deliveries the hub carries (routes/bringg-fleet.yaml): which calls a TMS event
 * of the carrier means, given how far the delivery got ({@link #plan}), each call's request and what Bringg's answer
 * means. Calls go strictly in Bringg's order (assign_driver, start_task, update_driver_location, checkin, create_note,
 * checkout, end_task); a call the event implies but whose predecessors were never reported is preceded by them when
 * the event carries what they need (the driver), else the event is refused with the reason. Nothing follows
 * end_task or cancel_delivery.
 */
public class BringgFleet {

    public static final String CALLS = "bringgCalls";
    public static final String CALL = "bringgCall";
    /** The call going out, shared with the calls' split so that a failure names it to this route's error handling. */
    static final String CURRENT = "bringgCurrentCall";
    public static final String TICK = "BringgTick";
    static final String RENEWED = "bringgAuthRenewed";
    private static final Logger LOG = LoggerFactory.getLogger(BringgFleet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEQUENCE = "bringgSequence";
    private static final String OWN_STATUS = "bringg:";
    private static final String PHONE = "\\+[0-9]{6,15}";

    private final BringgDeliveries deliveries;
    private final BringgTokens tokens;
    private final OrderCodec codec;
    private final CarrierResponseClassifier classifier;
    private final Clock clock;

    public BringgFleet(BringgDeliveries deliveries, BringgTokens tokens, OrderCodec codec, CarrierResponseClassifier classifier, Clock clock) {
        this.deliveries = deliveries;
        this.tokens = tokens;
        this.codec = codec;
        this.classifier = classifier;
        this.clock = clock;
    }

    /**
     * Whether this TMS event goes to the Bringg queue: an event of a Bringg delivery that can mean a call or tell the
     * delivery something (its driver, its position). The lane's yes (ACCEPTED) of every order means neither, and is
     * known as such without asking the ledger whether the order is a Bringg delivery.
     */
    public boolean forBringg(TmsEvent event) {
        boolean bareYes = (event.getEventType() == EventType.ACCEPTED || event.getEventType() == EventType.CREATED)
                && event.getLocation() == null && !names(event.getDriver());
        return !madeOfBringgsWebhook(event) && !bareYes && deliveries.follows(event.getOrderId());
    }

    /** The calls the message on the Bringg queue asks for, in order, in the exchange property {@value #CALLS}. */
    public void plan(Exchange exchange) {
        Message in = exchange.getIn();
        List<BringgCall> calls;
        if (in.getHeader(TICK, false, Boolean.class)) {
            calls = tick(in.getBody(String.class));
        } else {
            TmsEvent event = codec.readEvent(in.getBody(byte[].class), in.getHeader("contentType", String.class));
            calls = deliveries.find(event.getOrderId()).map(delivery -> calls(delivery, event)).orElse(List.of());
            exchange.setProperty(SEQUENCE, event.getSequence());
        }
        exchange.setProperty(CALLS, calls);
        exchange.setProperty(CURRENT, new AtomicReference<BringgCall>());
    }

    /** After all calls of an event: it is done with, and a copy of it is dropped. */
    public void handled(Exchange exchange) {
        Long sequence = exchange.getProperty(SEQUENCE, Long.class);
        String orderId = exchange.getIn().getHeader("HubOrderId", String.class);
        if (sequence != null && orderId != null) {
            deliveries.handled(orderId, sequence);
        }
    }

    /** The latest known position of a delivery whose driver is on the way; nothing once it is not. */
    private List<BringgCall> tick(String orderId) {
        return deliveries.find(orderId).filter(Delivery::active).filter(delivery -> delivery.latitude() != null)
                .map(delivery -> List.of(location(delivery, null, clock.millis(), delivery.latitude(), delivery.longitude())))
                .orElse(List.of());
    }

    List<BringgCall> calls(Delivery delivery, TmsEvent event) {
        if (event.getSequence() != null && event.getSequence() <= delivery.lastSequence()) {
            LOG.info("Bringg: event {} of order {} was handled before; no call again", event.getSequence(), delivery.orderId());
            return List.of();
        }
        if (madeOfBringgsWebhook(event)) {
            return List.of();
        }
        String key = "seq-" + event.getSequence();
        if (deliveries.waitingBefore(delivery.orderId(), key)) {
            throw new CarrierUnavailableException("BRINGG_WAITING", "an earlier event of order " + delivery.orderId()
                    + " waits for its next attempt at Bringg; this one follows it");
        }
        long time = XmlDates.toOffsetDateTime(event.getOccurredAt()).toInstant().toEpochMilli();
        BigDecimal lat = event.getLocation() != null ? event.getLocation().getLatitude() : delivery.latitude();
        BigDecimal lng = event.getLocation() != null ? event.getLocation().getLongitude() : delivery.longitude();
        if (event.getLocation() != null) {
            deliveries.position(delivery.orderId(), lat, lng);
        }
        Delivery current = driver(delivery, event.getDriver());
        EventType type = event.getEventType();
        if (type == EventType.ACCEPTED || type == EventType.CREATED) {
            return List.of();
        }
        if (current.ended()) {
            if (type == EventType.CANCELLED && current.state() == State.CANCELLED) {
                return List.of();
            }
            throw outOfOrder(current, type, "the delivery has " + (current.state() == State.ENDED ? "ended (end_task)" : "been cancelled"));
        }
        List<BringgCall> calls = new ArrayList<>();
        switch (type) {
            case ASSIGNED -> {
                calls.add(assign(current, key, time));
                if (current.state() == State.NEW) {
                    // a Drivoo driver is on the move once assigned (to the pickup): the task starts with it
                    calls.add(call(current, key, "start_task", position(current.taskId(), lat, lng, time), State.STARTED));
                }
            }
            case STARTED -> calls.addAll(upTo(current, key, time, lat, lng, State.STARTED, type));
            case PICKED_UP, IN_TRANSIT -> {
                calls.addAll(upTo(current, key, time, lat, lng, State.STARTED, type));
                if (lat != null) {
                    calls.add(location(current, key, time, lat, lng));
                }
            }
            case ARRIVED -> {
                calls.addAll(upTo(current, key, time, lat, lng, State.STARTED, type));
                Map<String, Object> body = position(current.taskId(), lat, lng, time);
                body.put("pickup_dropoff_option", "dropoff");
                calls.add(call(current, key, "checkin", body, State.CHECKED_IN));
            }
            case DELIVERED -> {
                calls.addAll(upTo(current, key, time, lat, lng, State.STARTED, type));
                if (event.getNote() != null && !event.getNote().isBlank()) {
                    Map<String, Object> note = position(current.taskId(), lat, lng, time);
                    note.put("pickup_dropoff_option", "dropoff");
                    note.put("type", "TaskNote");
                    note.put("note", event.getNote());
                    calls.add(call(current, key, "create_note", note, null));
                }
                if (current.state() == State.CHECKED_IN) {
                    // delivered at the drop-off the driver checked in at: the driver has left it
                    calls.add(call(current, key, "checkout", position(current.taskId(), lat, lng, time), State.CHECKED_OUT));
                }
                calls.add(call(current, key, "end_task", position(current.taskId(), lat, lng, time), State.ENDED));
            }
            case CANCELLED -> {
                if (current.cancelledByBringg()) {
                    deliveries.state(current.orderId(), State.CANCELLED);
                } else {
                    Map<String, Object> body = position(current.taskId(), lat, lng, time);
                    body.put("reason_id", 0);
                    body.put("reason", event.getNote() != null ? event.getNote() : "Cancelled by the carrier " + current.carrier());
                    calls.add(call(current, key, "cancel_delivery", body, State.CANCELLED));
                }
            }
            default -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("task_id", current.taskId());
                Map<String, Object> integration = new LinkedHashMap<>();
                integration.put("status_code", event.getCarrierStatus() != null ? event.getCarrierStatus() : type.value());
                integration.put("description", event.getNote() != null ? event.getNote() : type.value());
                body.put("integration_event", integration);
                body.put("reported_time", time);
                calls.add(call(current, key, "update_task", body, null));
            }
        }
        return calls;
    }

    /** The calls that bring a delivery up to {@code target} first (assign_driver, start_task), when the event allows them. */
    private List<BringgCall> upTo(Delivery delivery, String key, long time, BigDecimal lat, BigDecimal lng, State target, EventType type) {
        List<BringgCall> calls = new ArrayList<>();
        if (delivery.state() == State.NEW) {
            if (delivery.driverName() == null && delivery.driverPhone() == null) {
                throw outOfOrder(delivery, type, "no driver was assigned (assign_driver), and the event names none");
            }
            calls.add(assign(delivery, key, time));
        }
        if (target == State.STARTED && (delivery.state() == State.NEW || delivery.state() == State.ASSIGNED)) {
            calls.add(call(delivery, key, "start_task", position(delivery.taskId(), lat, lng, time), State.STARTED));
        }
        return calls;
    }

    private BringgCall assign(Delivery delivery, String key, long time) {
        if (delivery.driverId() == null) {
            throw outOfOrder(delivery, EventType.ASSIGNED, "the carrier names no driver to assign");
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("external_id", delivery.driverId());
        // a null name is a 400 at Bringg; its documents suggest this one
        user.put("name", delivery.driverName() != null ? delivery.driverName() : "Delivery Driver");
        if (delivery.driverPhone() != null && delivery.driverPhone().replaceAll("[ ()\\-]", "").matches(PHONE)) {
            user.put("phone", delivery.driverPhone().replaceAll("[ ()\\-]", ""));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", delivery.taskId());
        body.put("user", user);
        body.put("reported_time", time);
        return call(delivery, key, "assign_driver", body, State.ASSIGNED);
    }

    private BringgCall location(Delivery delivery, String key, long time, BigDecimal lat, BigDecimal lng) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_external_id", delivery.driverId());
        body.put("lat", lat);
        body.put("lng", lng);
        body.put("reported_time", time);
        body.put("started_tasks", List.of(Map.of("task_id", delivery.taskId())));
        return call(delivery, key, "update_driver_location", body, null);
    }

    private static Map<String, Object> position(long taskId, BigDecimal lat, BigDecimal lng, long time) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", taskId);
        if (lat != null && lng != null) {
            body.put("lat", lat);
            body.put("lng", lng);
        }
        body.put("reported_time", time);
        return body;
    }

    private static BringgCall call(Delivery delivery, String key, String name, Map<String, Object> body, State after) {
        return new BringgCall(delivery.orderId(), delivery.merchant(), key, name, body, after);
    }

    /** The event's driver becomes the delivery's (its external id made from the carrier and the phone, else the name). */
    private Delivery driver(Delivery delivery, Driver driver) {
        if (!names(driver)) {
            return delivery;
        }
        String who = driver.getPhone() != null ? driver.getPhone().replaceAll("[^0-9+]", "") : driver.getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String id = delivery.carrier() + "-" + who;
        deliveries.driver(delivery.orderId(), id, driver.getName(), driver.getPhone());
        return deliveries.find(delivery.orderId()).orElse(delivery);
    }

    /** An event the hub made of Bringg's own webhook: nothing to tell Bringg. */
    private static boolean madeOfBringgsWebhook(TmsEvent event) {
        return event.getCarrierStatus() != null && event.getCarrierStatus().startsWith(OWN_STATUS);
    }

    private static boolean names(Driver driver) {
        return driver != null && (driver.getName() != null || driver.getPhone() != null);
    }

    private static CarrierRejectedException outOfOrder(Delivery delivery, EventType type, String why) {
        return new CarrierRejectedException("BRINGG_SEQUENCE", "a " + type.value() + " event of order " + delivery.orderId()
                + " (Bringg task " + delivery.taskId() + ") would break Bringg's call sequence: " + why);
    }

    /** Claims the call (false: it went out before, never twice); a location tick is not claimed. */
    @SuppressWarnings("unchecked")
    public boolean claim(Exchange exchange) {
        BringgCall call = exchange.getProperty(CALL, BringgCall.class);
        if (call.tick() || deliveries.claim(call.orderId(), call.eventKey(), call.name())) {
            exchange.getProperty(CURRENT, AtomicReference.class).set(call);
            return true;
        }
        LOG.warn("Bringg: {} for order {} ({}) went out before, or may have (the hub stopped mid-call); it is not sent again",
                call.name(), call.orderId(), call.eventKey());
        if (call.after() != null) {
            deliveries.state(call.orderId(), call.after());
        }
        return false;
    }

    /** The call as Bringg takes it: a POST of JSON under open_fleet_services/, with the merchant's bearer token. */
    public void writeRequest(Exchange exchange) {
        BringgCall call = exchange.getProperty(CALL, BringgCall.class);
        Message message = exchange.getIn();
        Map<String, Object> headers = new HashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Accept", "application/json");
        headers.putAll(tokens.of(call.merchant()).headers());
        headers.put(Exchange.HTTP_METHOD, "POST");
        headers.put(Exchange.HTTP_PATH, "open_fleet_services/" + call.name());
        message.setHeaders(headers);
        try {
            message.setBody(JSON.writeValueAsBytes(call.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Bringg call that cannot be written as JSON", e);
        }
    }

    /** A 401: the merchant's token is dropped and the call made once more with a fresh one; a second 401 stands. */
    public boolean renewAuth(Exchange exchange) {
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != 401 || exchange.getProperty(RENEWED, false, Boolean.class)) {
            return false;
        }
        exchange.setProperty(RENEWED, true);
        LOG.info("Bringg refused the token (HTTP 401): a fresh one, and the call once more");
        return tokens.of(exchange.getProperty(CALL, BringgCall.class).merchant()).renew();
    }

    /**
     * Bringg's answer: success:true records the call and moves the delivery on; a 200 with success:false or a 403 is
     * a refusal of the payload (never retried), a second 401 a configuration error; 5xx, 408, 429 are transient.
     */
    @SuppressWarnings("unchecked")
    public void readAnswer(Exchange exchange) {
        exchange.removeProperty(RENEWED);
        BringgCall call = exchange.getProperty(CALL, BringgCall.class);
        Message in = exchange.getIn();
        int status = in.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = in.getBody(String.class);
        Optional<JsonNode> answer = json(body);
        String message = answer.map(node -> node.path("message").asText(node.path("title").asText(node.path("error").asText(""))))
                .orElse(body == null ? "" : body);
        if (status >= 200 && status < 300 && answer.map(node -> node.path("success").asBoolean(false)).orElse(false)) {
            if (!call.tick()) {
                deliveries.answered(call.orderId(), call.eventKey(), call.name(), true);
            }
            if (call.after() != null) {
                deliveries.state(call.orderId(), call.after());
            }
            exchange.getProperty(CURRENT, AtomicReference.class).set(null);
            return;
        }
        String what = "Bringg refused " + call.name() + " for order " + call.orderId();
        if (status >= 200 && status < 300) {
            throw new CarrierRejectedException("CARRIER_VALIDATION", what + " (success:false): " + message);
        }
        if (status == 403) {
            throw new CarrierRejectedException("CARRIER_VALIDATION", what + " (HTTP 403, a payload problem): " + message);
        }
        if (status == 401) {
            throw new CarrierRejectedException("CARRIER_AUTH", what + " (HTTP 401 with a fresh token): check hub.bringg.merchants."
                    + call.merchant());
        }
        String retryAfter = in.getHeader("Retry-After", String.class);
        classifier.check("bringg", status, body, retryAfter != null ? retryAfter : in.getHeader("RateLimit-Reset", String.class), null);
    }

    /** A call that failed: given back (a later attempt or a replay sends it again), or dead for good. */
    public void failed(Exchange exchange, boolean retryLater) {
        AtomicReference<?> current = exchange.getProperty(CURRENT, AtomicReference.class);
        BringgCall call = current == null ? null : (BringgCall) current.get();
        if (call != null && !call.tick()) {
            deliveries.failed(call.orderId(), call.eventKey(), call.name(), retryLater);
        }
    }

    /** Whether the message is a location tick: its failures are not retried, the next tick comes soon. */
    public static boolean isTick(Exchange exchange) {
        return exchange.getIn().getHeader(TICK, false, Boolean.class);
    }

    private static Optional<JsonNode> json(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readTree(body.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}

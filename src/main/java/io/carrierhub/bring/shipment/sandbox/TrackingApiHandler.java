package io.carrierhub.bring.shipment.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.carrierhub.bring.shipment.sandbox.BringShipmentSandboxProperties.TrackingStep;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bring's Tracking API, version 2, for the shipments booked at this sandbox:
 * {@code GET /tracking/api/v2/tracking.json?q=<shipment or package number>} (or {@code /tracking/api/tracking.json}
 * with the header {@code api-version: 2}). The answer has the shape of Bring's published examples: {@code apiVersion},
 * {@code consignmentSet[]} with {@code consignmentId} and {@code packageSet[]}, each package with its
 * {@code eventSet[]}, newest event first ({@code status}, {@code description}, {@code dateIso}, {@code displayDate},
 * {@code displayTime}, the unit and place). The events are the timeline of {@code hub.sandbox.bring-shipment.tracking}
 * from the moment the shipment was booked, those whose time has come.
 * <p>
 * Errors as Bring's examples write them, inside the consignment set: no q, {@code {"code": 400, "message": "Invalid
 * query"}} with HTTP 400; an unknown (or deleted) shipment, {@code {"code": 404, "message": "No shipments found"}}
 * with HTTP 200. Bring requires Mybring authentication: without the sandbox's user, HTTP 401 with
 * {@code {"code": 401, ...}} in the same shape. The JSON is written here, from a tree, apart from the hub's client.
 */
final class TrackingApiHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingApiHandler.class);
    private static final String PATH = "/tracking/api/v2/tracking.json";
    private static final String UNVERSIONED_PATH = "/tracking/api/tracking.json";
    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "PRE_NOTIFIED", "The shipment has been pre-notified electronically by the sender.",
            "HANDED_IN", "The shipment has been handed in at the terminal.",
            "IN_TRANSIT", "The shipment has been handed in at terminal and forwarded.",
            "TERMINAL", "The shipment has arrived at the terminal.",
            "TRANSPORT_TO_RECIPIENT", "The shipment has been loaded for delivery.",
            "READY_FOR_PICKUP", "The shipment has arrived at pickup point.",
            "DEVIATION", "Deviation in production. The shipment may be delayed.",
            "DELIVERED", "The shipment has been delivered.",
            "RETURN", "The shipment is being returned to the sender.",
            "DELIVERED_SENDER", "The shipment has been returned to the sender.");

    private final BringShipmentSandboxProperties settings;
    private final SandboxShipments shipments;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    TrackingApiHandler(BringShipmentSandboxProperties settings, SandboxShipments shipments, Clock clock) {
        this.settings = settings;
        this.shipments = shipments;
        this.clock = clock;
    }

    static boolean handles(HttpExchange exchange) {
        return exchange.getRequestURI().getPath().startsWith("/tracking/");
    }

    void writeFailure(HttpExchange exchange, int status) throws IOException {
        send(exchange, status, error(status, "Service unavailable"));
    }

    void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                answer(exchange);
            } catch (RuntimeException e) {
                LOG.error("Bring Tracking sandbox failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                send(exchange, 500, error(500, "sandbox error: " + e));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Bring Tracking sandbox could not answer {}", exchange.getRequestURI(), e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean versioned = PATH.equals(path)
                || UNVERSIONED_PATH.equals(path) && "2".equals(exchange.getRequestHeaders().getFirst("api-version"));
        if (!versioned) {
            send(exchange, 404, error(404, "No endpoint " + path + ": GET " + PATH + "?q=..."));
        } else if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            send(exchange, 405, error(405, path + " takes GET"));
        } else if (!authenticated(exchange)) {
            send(exchange, 401, error(401, "X-Mybring-API-Uid and X-Mybring-API-Key must name a Mybring user"));
        } else {
            String query = query(exchange.getRequestURI().getRawQuery());
            if (query == null || query.isBlank()) {
                send(exchange, 400, error(400, "Invalid query"));
            } else {
                send(exchange, 200, shipments.booked(query.trim())
                        .map(this::consignments)
                        .orElseGet(() -> error(404, "No shipments found")));
            }
        }
    }

    private ObjectNode consignments(SandboxShipments.Booked booked) {
        ObjectNode answer = json.createObjectNode().put("apiVersion", "2");
        ObjectNode consignment = answer.putArray("consignmentSet").addObject()
                .put("consignmentId", booked.shipment().shipmentId())
                .put("previousConsignmentId", "");
        ArrayNode packages = consignment.putArray("packageSet");
        List<ObjectNode> events = events(booked.at());
        for (String packageId : booked.shipment().packageIds()) {
            ObjectNode pack = packages.addObject()
                    .put("statusDescription", events.isEmpty() ? "" : events.get(0).get("description").asText())
                    .put("packageNumber", packageId)
                    .put("previousPackageNumber", "")
                    .put("productName", "BUSINESS PARCEL")
                    .put("productCode", "0330")
                    .put("brand", "BRING");
            pack.putArray("descriptions");
            pack.putArray("eventSet").addAll(events.stream().map(ObjectNode::deepCopy).toList());
            pack.putArray("additionalServiceSet");
        }
        consignment.put("senderReference", booked.shipment().sendersReference() != null ? booked.shipment().sendersReference() : "");
        consignment.put("isPickupNoticeAvailable", false);
        return answer;
    }

    /** The timeline's events whose time has come, newest first. */
    private List<ObjectNode> events(Instant bookedAt) {
        Instant now = clock.instant();
        Instant start = bookedAt.truncatedTo(ChronoUnit.SECONDS);
        List<ObjectNode> events = new ArrayList<>();
        for (TrackingStep step : settings.tracking()) {
            Instant at = start.plus(step.after());
            if (at.isAfter(now)) {
                break;
            }
            events.add(0, event(step.status(), at.atZone(NORWAY)));
        }
        return events;
    }

    private ObjectNode event(String status, ZonedDateTime at) {
        ObjectNode event = json.createObjectNode()
                .put("description", DESCRIPTIONS.getOrDefault(status, status))
                .put("status", status);
        event.putObject("recipientSignature").put("name", "DELIVERED".equals(status) ? "O Nordmann" : "");
        return event.put("unitId", "032850")
                .put("unitType", "BRING")
                .put("postalCode", "0024")
                .put("city", "OSLO")
                .put("countryCode", "NO")
                .put("country", "Norway")
                .put("dateIso", at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .put("displayDate", at.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
                .put("displayTime", at.format(DateTimeFormatter.ofPattern("HH:mm")))
                .put("consignmentEvent", false)
                .put("insignificant", false);
    }

    private ObjectNode error(int code, String message) {
        ObjectNode answer = json.createObjectNode().put("apiVersion", "2");
        answer.putArray("consignmentSet").addObject().putObject("error").put("code", code).put("message", message);
        return answer;
    }

    private boolean authenticated(HttpExchange exchange) {
        String uid = exchange.getRequestHeaders().getFirst("X-Mybring-API-Uid");
        String key = exchange.getRequestHeaders().getFirst("X-Mybring-API-Key");
        return uid != null && key != null && uid.trim().equalsIgnoreCase(settings.apiUid())
                && MessageDigest.isEqual(key.trim().getBytes(StandardCharsets.UTF_8), settings.apiKey().getBytes(StandardCharsets.UTF_8));
    }

    private static String query(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(parameter -> parameter.startsWith("q="))
                .map(parameter -> URLDecoder.decode(parameter.substring(2), StandardCharsets.UTF_8))
                .findFirst().orElse(null);
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}

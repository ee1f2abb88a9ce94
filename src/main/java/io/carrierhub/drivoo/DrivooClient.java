package io.carrierhub.drivoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.carrier.CarrierAuth;
import io.carrierhub.carrier.CarrierClient;
import io.carrierhub.carrier.CarrierRequest;
import io.carrierhub.error.CarrierRefusal;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.ledger.OrderLedger;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.OrderMessage;
import io.carrierhub.order.model.Action;
import io.carrierhub.order.model.CarrierReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One carrier on the Drivoo API: a create is {@code POST /course} at the retailer the sender names, an update
 * {@code PUT /course/:id}, a cancel {@code DELETE /course/:id}, the id being the course Drivoo gave (carrier reference
 * COURSE). Every request carries the account's OAuth2 bearer token; every write a JSON Content-Type. Drivoo's
 * errors are JSON problems whose detail and validation messages become the reason.
 */
public class DrivooClient implements CarrierClient {

    public static final String COURSE = "COURSE";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DrivooCourseMapper mapper;
    private final DrivooRetailers retailers;
    private final OrderLedger ledger;
    private final CarrierAuth auth;

    public DrivooClient(DrivooCourseMapper mapper, DrivooRetailers retailers, OrderLedger ledger, CarrierAuth auth) {
        this.mapper = mapper;
        this.retailers = retailers;
        this.ledger = ledger;
        this.auth = auth;
    }

    @Override
    public void admit(OrderMessage message) {
        if (message.order() != null) {
            DrivooRequirements.check(message.order());
        }
    }

    @Override
    public CarrierRequest request(OrderMessage message) {
        if (message.action() == Action.CREATE) {
            int retailerId = retailers.idOf(message.order().getSender());
            return write("POST", "course", mapper.create(message.order(), retailerId));
        }
        String course = ledger.booked(message, COURSE).reference(COURSE).orElseThrow();
        if (message.action() == Action.UPDATE) {
            return write("PUT", "course/" + course, mapper.update(message.order()));
        }
        return new CarrierRequest("DELETE", "course/" + course, null, headers(false), null);
    }

    @Override
    public Optional<CarrierAuth> auth() {
        return Optional.of(auth);
    }

    /** The course's id in Drivoo's 201 (a cancel's 204 has none). */
    @Override
    public List<CarrierReference> references(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        JsonNode id = tree(body).path("id");
        if (id.isMissingNode() || id.isNull() || id.asText().isBlank()) {
            throw new CarrierRejectedException("CARRIER_VALIDATION", "Drivoo's answer names no course id");
        }
        return List.of(CarrierReferences.of(COURSE, id.asText()));
    }

    /** A JSON problem (title, status, detail, validation_messages), in Drivoo's words; the HTTP status classifies it. */
    @Override
    public Optional<CarrierRefusal> refusal(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        if (problem == null || !problem.has("detail") || !problem.has("status")) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        texts.add(problem.path("detail").asText());
        problem.path("validation_messages").fields().forEachRemaining(field -> field.getValue().elements()
                .forEachRemaining(message -> texts.add(field.getKey() + ": " + message.asText())));
        return Optional.of(new CarrierRefusal(CarrierRefusal.Kind.VALIDATION, problem.path("title").asText(), String.join("; ", texts)));
    }

    private CarrierRequest write(String method, String path, JsonNode body) {
        try {
            return new CarrierRequest(method, path, null, headers(true), JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("a course that cannot be written as JSON", e);
        }
    }

    private Map<String, String> headers(boolean withBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (withBody) {
            headers.put("Content-Type", "application/json; charset=utf-8");
        }
        headers.put("Accept", "application/json");
        headers.putAll(auth.headers());
        return headers;
    }

    private static JsonNode tree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new CarrierRejectedException("CARRIER_VALIDATION", "Drivoo answered something that is not JSON");
        }
    }
}

package io.carrierhub.bring.shipment.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.bring.shipment.model.BringShipmentResponse;
import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.sandbox.CarrierApi;
import jakarta.xml.bind.JAXBElement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Shipment API over HTTP, behind the sandbox's faults (which come first: an injected failure is answered
 * before any check, with the CreateShipmentResponse Bring sends for that status). A request is checked in this
 * order, and the first failing step answers:
 * <ol>
 * <li>the path, {@code /shipment/sendshipment} or {@code /shipment/sendbooking} (404), and the method, POST (405);</li>
 * <li>the Mybring headers X-Mybring-API-Uid and X-Mybring-API-Key, names in any case (417 FORBIDDEN);</li>
 * <li>Accept (406) and Content-Type (415): application/json or application/xml, parameters allowed;</li>
 * <li>the query parameters shipmentId and packageIds, each true or false (400);</li>
 * <li>the body: readable and valid against xsd/bring-shipment.xsd, then Bring's rules, then the state of the
 *     shipment it names (400 VALIDATION_ERROR, with every violation of the step).</li>
 * </ol>
 * Every answer carries a CreateShipmentResponse in the format Accept asks for; when Accept names neither format,
 * in the request's format, else XML. Bodies are ISO-8859-1 unless Content-Type names a charset; an XML body that
 * declares its encoding is read as it declares. Anything unexpected is logged and answered with a 500.
 */
final class ShipmentApiHandler implements CarrierApi {

    private static final Logger LOG = LoggerFactory.getLogger(ShipmentApiHandler.class);

    private final BringShipmentSandboxProperties settings;
    private final XmlRequests xmlRequests = new XmlRequests();
    private final JsonRequests jsonRequests = new JsonRequests();
    private final ResponseBodies responseBodies = new ResponseBodies();
    private final ShipmentRules rules;
    private final SandboxShipments shipments;
    private final TrackingApiHandler tracking;

    ShipmentApiHandler(BringShipmentSandboxProperties settings, ShipmentRules rules, SandboxShipments shipments,
                       TrackingApiHandler tracking) {
        this.settings = settings;
        this.rules = rules;
        this.shipments = shipments;
        this.tracking = tracking;
    }

    @Override
    public void writeFailure(HttpExchange exchange, int status) throws IOException {
        if (TrackingApiHandler.handles(exchange)) {
            tracking.writeFailure(exchange, status);
            return;
        }
        send(exchange, status, Replies.refused(Rejection.injected(status)), replyFormat(exchange.getRequestHeaders()));
    }

    @Override
    public void reset() {
        shipments.clear();
    }

    @Override
    public Map<String, Supplier<Object>> views() {
        return Map.of("shipments", shipments::accepted);
    }

    @Override
    public void handle(HttpExchange exchange) {
        if (TrackingApiHandler.handles(exchange)) {
            tracking.handle(exchange);
            return;
        }
        try (exchange) {
            WireFormat format = replyFormat(exchange.getRequestHeaders());
            try {
                send(exchange, 200, Replies.confirmed(answer(exchange)), format);
            } catch (Rejection rejection) {
                LOG.debug("Bring Shipment sandbox refused {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), rejection.getMessage());
                send(exchange, rejection.httpStatus(), Replies.refused(rejection), format);
            } catch (RuntimeException e) {
                LOG.error("Bring Shipment sandbox failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                send(exchange, 500, Replies.refused(Rejection.system(500, "sandbox error: " + e)), format);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Bring Shipment sandbox could not answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private AcceptedShipment answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Endpoint endpoint = Endpoint.ofPath(path).orElseThrow(() -> Rejection.protocol(404,
                "No endpoint " + path + ": POST to " + Endpoint.SEND_SHIPMENT.path() + " or " + Endpoint.SEND_BOOKING.path()));
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            throw Rejection.protocol(405, endpoint.path() + " takes POST, not " + exchange.getRequestMethod());
        }
        Headers headers = exchange.getRequestHeaders();
        authenticate(headers);
        WireFormat.ofAccept(headers.getFirst("Accept")).orElseThrow(() -> Rejection.protocol(406,
                "Accept must be application/json or application/xml, not " + headers.getFirst("Accept")));
        String contentType = headers.getFirst("Content-Type");
        WireFormat format = WireFormat.ofContentType(contentType).orElseThrow(() -> Rejection.protocol(415,
                "Content-Type must be application/json or application/xml, not " + contentType));
        Map<String, Boolean> flags = RequestParts.flags(exchange.getRequestURI().getRawQuery(), "shipmentId", "packageIds");
        byte[] body = RequestParts.readable(exchange.getRequestBody().readAllBytes(), format, contentType);
        JAXBElement<BringShipmentRequest> request = read(body, format);
        SandboxCall call = new SandboxCall(endpoint, format == WireFormat.XML ? request.getName().getLocalPart() : null,
                request.getValue(), flags.get("shipmentId"), flags.get("packageIds"), contentType,
                headers.getFirst("X-Bring-Client-URL"));
        List<String> violations = rules.violations(call);
        if (!violations.isEmpty()) {
            throw Rejection.validation(violations);
        }
        AcceptedShipment accepted = shipments.accept(call);
        LOG.debug("Bring Shipment sandbox accepted {} {} {}", accepted.root(), accepted.updateIndicator(), accepted.shipmentId());
        return accepted;
    }

    private void authenticate(Headers headers) {
        String uid = headers.getFirst("X-Mybring-API-Uid");
        String key = headers.getFirst("X-Mybring-API-Key");
        if (uid == null || uid.isBlank() || key == null || key.isBlank()) {
            throw Rejection.forbidden("X-Mybring-API-Uid and X-Mybring-API-Key are required");
        }
        boolean known = uid.trim().equalsIgnoreCase(settings.apiUid())
                && MessageDigest.isEqual(key.trim().getBytes(StandardCharsets.UTF_8), settings.apiKey().getBytes(StandardCharsets.UTF_8));
        if (!known) {
            throw Rejection.forbidden("X-Mybring-API-Uid and X-Mybring-API-Key do not name a Mybring user of this sandbox");
        }
    }

    private JAXBElement<BringShipmentRequest> read(byte[] body, WireFormat format) {
        try {
            if (format == WireFormat.XML) {
                return xmlRequests.read(body);
            }
            JAXBElement<BringShipmentRequest> request = jsonRequests.read(body);
            xmlRequests.validate(request);
            return request;
        } catch (InvalidMessageException e) {
            throw Rejection.validation(e.reason());
        }
    }

    private void send(HttpExchange exchange, int status, BringShipmentResponse response, WireFormat format) throws IOException {
        byte[] body = responseBodies.write(response, format);
        exchange.getResponseHeaders().set("Content-Type", format.responseContentType());
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static WireFormat replyFormat(Headers headers) {
        return WireFormat.ofAccept(headers.getFirst("Accept"))
                .or(() -> WireFormat.ofContentType(headers.getFirst("Content-Type")))
                .orElse(WireFormat.XML);
    }
}

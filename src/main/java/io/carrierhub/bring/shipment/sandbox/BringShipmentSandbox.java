package io.carrierhub.bring.shipment.sandbox;

import io.carrierhub.sandbox.FaultInjection;
import io.carrierhub.sandbox.SandboxServer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * An offline Bring Shipment API on 127.0.0.1: {@code POST /shipment/sendshipment} and {@code /shipment/sendbooking}
 * as Bring documents them, with the faults, the record of requests and the control API every sandbox has, and
 * the accepted shipments to inspect (also at {@code GET /_sandbox/bring-shipment/shipments}); and the Tracking API,
 * {@code GET /tracking/api/v2/tracking.json?q=<shipment or package number>}, whose events for each booked shipment
 * advance over the durations of {@code hub.sandbox.bring-shipment.tracking} ({@link TrackingApiHandler}).
 * <p>
 * Answers: 200 OK_CONFIRMED with the shipment id and the package ids in package order; 400 VALIDATION_ERROR with
 * every violation of the contract or of Bring's rules; 417 FORBIDDEN for missing or unknown Mybring credentials;
 * 500 ERROR. Beyond Bring's documented codes, mistakes in the HTTP request itself get their HTTP status (404, 405,
 * 406 for an Accept, 415 for a Content-Type that is not application/json or application/xml, 400 for the query
 * parameters), each with a CreateShipmentResponse of Status ERROR. The order of the checks is in
 * {@link ShipmentApiHandler}.
 */
public class BringShipmentSandbox extends SandboxServer {

    public static final String NAME = "bring-shipment";

    private final SandboxShipments shipments;

    public BringShipmentSandbox(BringShipmentSandboxProperties settings) {
        this(settings, new SandboxShipments(Clock.systemDefaultZone()));
    }

    private BringShipmentSandbox(BringShipmentSandboxProperties settings, SandboxShipments shipments) {
        super(NAME, settings.port(), new FaultInjection(settings.failureRate(), settings.latency()),
                new ShipmentApiHandler(settings,
                        new ShipmentRules(settings.rejectPastDates(), Clock.systemDefaultZone()), shipments,
                        new TrackingApiHandler(settings, shipments, Clock.systemDefaultZone())));
        this.shipments = shipments;
    }

    /** Where the API lives, as the hub's base URL names it: {@code http://127.0.0.1:<port>/shipment}. */
    public String baseUrl() {
        return address() + "/shipment";
    }

    /** Requests received since the start or the last {@link #reset()}, answered or not. */
    public long requestCount() {
        return requests().count();
    }

    /** The requests answered OK_CONFIRMED, in the order they came. */
    public List<AcceptedShipment> shipments() {
        return shipments.accepted();
    }

    /** The last accepted state of a shipment that exists and is not deleted. */
    public Optional<AcceptedShipment> activeShipment(String shipmentId) {
        return shipments.active(shipmentId);
    }
}

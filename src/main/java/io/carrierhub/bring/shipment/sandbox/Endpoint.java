package io.carrierhub.bring.shipment.sandbox;

import io.carrierhub.bring.shipment.model.BringShipmentType;
import java.util.Arrays;
import java.util.Optional;

/** The two operations of the Shipment API, each with the shipment type and XML root it takes. */
enum Endpoint {
    SEND_SHIPMENT("/shipment/sendshipment", BringShipmentType.INSTRUCTION, "CreateShipmentRequest"),
    SEND_BOOKING("/shipment/sendbooking", BringShipmentType.BOOKING, "CreateBookingRequest");

    private final String path;
    private final BringShipmentType shipmentType;
    private final String root;

    Endpoint(String path, BringShipmentType shipmentType, String root) {
        this.path = path;
        this.shipmentType = shipmentType;
        this.root = root;
    }

    static Optional<Endpoint> ofPath(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return Arrays.stream(values()).filter(endpoint -> endpoint.path.equals(trimmed)).findFirst();
    }

    String path() {
        return path;
    }

    BringShipmentType shipmentType() {
        return shipmentType;
    }

    /** The root element of this endpoint's XML requests; JSON requests have none. */
    String root() {
        return root;
    }
}

package io.carrierhub.bring.shipment.sandbox;

import io.carrierhub.bring.shipment.model.BringIdentities;
import io.carrierhub.bring.shipment.model.BringResponseError;
import io.carrierhub.bring.shipment.model.BringShipmentResponse;
import java.util.UUID;

/** The CreateShipmentResponse bodies of the sandbox; every answer has one, errors included. */
final class Replies {

    private Replies() {
    }

    static BringShipmentResponse confirmed(AcceptedShipment shipment) {
        BringShipmentResponse response = response("OK_CONFIRMED", switch (shipment.updateIndicator()) {
            case ORIGINAL -> "Order created";
            case UPDATE, REPLACE -> "Order updated";
            case DELETE -> "Order deleted";
        });
        BringIdentities identities = new BringIdentities();
        identities.setShipmentId(shipment.shipmentId());
        identities.getPackageId().addAll(shipment.packageIds());
        response.getIdentities().add(identities);
        return response;
    }

    static BringShipmentResponse refused(Rejection rejection) {
        BringShipmentResponse response = response(rejection.status(), rejection.statusText());
        for (String text : rejection.errors()) {
            BringResponseError error = new BringResponseError();
            error.setError(rejection.errorType());
            error.setErrorText(text);
            response.getErrors().add(error);
        }
        return response;
    }

    private static BringShipmentResponse response(String status, String statusText) {
        BringShipmentResponse response = new BringShipmentResponse();
        response.setStatus(status);
        response.setStatusText(statusText);
        response.setProcessingID(UUID.randomUUID().toString());
        response.setEndpointProcessingID(UUID.randomUUID().toString());
        return response;
    }
}

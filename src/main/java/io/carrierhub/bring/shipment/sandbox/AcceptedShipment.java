package io.carrierhub.bring.shipment.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.bring.shipment.model.BringUpdateIndicator;
import java.util.List;

/**
 * A request the sandbox answered with OK_CONFIRMED, as tests inspect it.
 *
 * @param root              CreateShipmentRequest or CreateBookingRequest (for JSON, which has no root: the endpoint's)
 * @param updateIndicator   Original, Update, Replace or Delete
 * @param sendersReference  ShipmentHeaders/SendersReference
 * @param shipmentId        the shipment's id, given or assigned
 * @param packageIds        its package ids in package order, given or assigned
 * @param contentType       the request's Content-Type
 * @param clientUrl         X-Bring-Client-URL, or null
 * @param request           the request as read (left out of the control API's JSON: the record of requests has the body)
 */
public record AcceptedShipment(
        String root,
        BringUpdateIndicator updateIndicator,
        String sendersReference,
        String shipmentId,
        List<String> packageIds,
        String contentType,
        String clientUrl,
        @JsonIgnore BringShipmentRequest request) {

    public AcceptedShipment {
        packageIds = List.copyOf(packageIds);
    }
}

package io.carrierhub.bring.shipment.sandbox;

import io.carrierhub.bring.shipment.model.BringShipmentRequest;

/**
 * One readable request to the Shipment API.
 *
 * @param endpoint         sendshipment or sendbooking
 * @param xmlRoot          the XML root element, or null for JSON
 * @param request          the body
 * @param createShipmentId {@code ?shipmentId=}: the sandbox assigns the shipment id
 * @param createPackageIds {@code ?packageIds=}: the sandbox assigns the package ids
 * @param contentType      the Content-Type header
 * @param clientUrl        the X-Bring-Client-URL header, or null
 */
record SandboxCall(
        Endpoint endpoint,
        String xmlRoot,
        BringShipmentRequest request,
        boolean createShipmentId,
        boolean createPackageIds,
        String contentType,
        String clientUrl) {

    /** The request's root, or for JSON the one the endpoint takes. */
    String root() {
        return xmlRoot != null ? xmlRoot : endpoint.root();
    }
}

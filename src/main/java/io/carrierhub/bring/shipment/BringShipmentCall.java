package io.carrierhub.bring.shipment;

import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import jakarta.xml.bind.JAXBElement;

/**
 * One request to the Shipment API and how to send it.
 *
 * @param endpoint          sendshipment or sendbooking
 * @param createShipmentId  the shipmentId query flag: Bring assigns the shipment number
 * @param createPackageIds  the packageIds query flag: Bring assigns the package numbers
 */
public record BringShipmentCall(JAXBElement<BringShipmentRequest> request, String endpoint,
                                boolean createShipmentId, boolean createPackageIds, boolean json) {

    public String contentType() {
        return (json ? "application/json" : "application/xml") + "; charset=" + BringShipmentCodec.CHARSET.name();
    }

    public String accept() {
        return json ? "application/json" : "application/xml";
    }
}

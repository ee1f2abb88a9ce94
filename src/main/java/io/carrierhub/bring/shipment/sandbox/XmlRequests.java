package io.carrierhub.bring.shipment.sandbox;

import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.bring.shipment.model.ObjectFactory;
import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.xml.XmlContract;
import jakarta.xml.bind.JAXBElement;

/**
 * Reads an XML request as Bring takes it, with the sandbox's own reader (not the hub's codec, whose defects it must
 * see): elements bound by name in any order, as Bring's own "Valid Request" example needs (its GoodsReturnParty and
 * Address children are not in the order of the field tables), then held to {@value #XSD}. A JSON request meets the
 * same schema through its object model ({@link #validate}).
 */
final class XmlRequests {

    private static final String XSD = "xsd/bring-shipment.xsd";

    private final XmlContract contract = new XmlContract(XSD, ObjectFactory.class);

    /** @throws InvalidMessageException INVALID_XML or SCHEMA_INVALID */
    JAXBElement<BringShipmentRequest> read(byte[] body) {
        Object root;
        try {
            root = contract.readInAnyOrder(body);
        } catch (XmlContract.Refusal refusal) {
            throw invalid(refusal);
        }
        if (root instanceof JAXBElement<?> element && element.getValue() instanceof BringShipmentRequest) {
            @SuppressWarnings("unchecked")
            JAXBElement<BringShipmentRequest> request = (JAXBElement<BringShipmentRequest>) element;
            return request;
        }
        throw new InvalidMessageException("SCHEMA_INVALID", "not a CreateShipmentRequest or CreateBookingRequest");
    }

    /** @throws InvalidMessageException SCHEMA_INVALID when the request breaks the schema */
    void validate(JAXBElement<BringShipmentRequest> request) {
        try {
            contract.validate(request);
        } catch (XmlContract.Refusal refusal) {
            throw invalid(refusal);
        }
    }

    private static InvalidMessageException invalid(XmlContract.Refusal refusal) {
        return refusal.breaksSchema()
                ? new InvalidMessageException("SCHEMA_INVALID", "the request does not follow " + XSD + ": " + refusal.getMessage())
                : new InvalidMessageException("INVALID_XML", "the request is not well-formed XML: " + refusal.getMessage());
    }
}

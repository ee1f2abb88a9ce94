package io.carrierhub.bring.po;

import io.carrierhub.bring.po.model.ObjectFactory;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.error.HubFaultException;
import io.carrierhub.xml.XmlContract;
import jakarta.xml.bind.JAXBElement;
import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;

/**
 * Writes the hub's Bring Purchase Order requests, held to {@code wsdl/purchaseorder-v1.xsd}, and reads Bring's
 * answers. The same messages travel over SOAP (as the body's element) and over the REST XML interface. Answers are
 * read leniently: Bring may add elements in a newer schema version, and says so in a TraceMessage.
 */
public class BringPoCodec {

    private final XmlContract contract = new XmlContract("wsdl/purchaseorder-v1.xsd", ObjectFactory.class);

    /** The request element {@code name} in UTF-8; a request that breaks the schema is a defect of the hub's. */
    public <T> byte[] write(String name, Class<T> type, T request) {
        JAXBElement<T> element = new JAXBElement<>(new QName(BringPoApi.NAMESPACE, name), type, request);
        try {
            contract.validate(element);
        } catch (XmlContract.Refusal refusal) {
            throw new HubFaultException("HUB_MAPPING", "the hub wrote a " + name
                    + " that breaks Bring's schema (wsdl/purchaseorder-v1.xsd): " + refusal.getMessage());
        }
        return contract.write(element, StandardCharsets.UTF_8);
    }

    /** Bring's answer as {@code type}, whatever its root's name. */
    public <T> T read(byte[] body, Class<T> type) {
        try {
            return contract.readLeniently(body, type).getValue();
        } catch (XmlContract.Refusal refusal) {
            throw new CarrierRejectedException("CARRIER_ANSWER_UNREADABLE",
                    "Bring's purchase order answer is not readable XML: " + refusal.getMessage());
        }
    }
}

package io.carrierhub.bring.shipment.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carrierhub.bring.shipment.BringShipmentCodec;
import io.carrierhub.bring.shipment.model.BringIdentities;
import io.carrierhub.bring.shipment.model.BringShipmentResponse;
import io.carrierhub.json.JaxbJson;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;

/**
 * Writes the sandbox's answers, in UTF-8, as Bring's documentation shows them: XML with Bring's namespace as the
 * default one ({@code <CreateShipmentResponse xmlns="http://api.bring.com/CreateShipment">}); JSON wrapped in
 * {@code {"CreateShipmentResponse": ...}} with Identities as one object and PackageId as an array.
 * ({@link BringShipmentCodec#writeResponse} gives the same content with a prefixed root and an Identities array.)
 */
final class ResponseWriter {

    private static final String ROOT = "CreateShipmentResponse";

    private final JAXBContext context;
    private final ObjectMapper json = JaxbJson.mapper("Value");

    ResponseWriter() {
        try {
            // the response types alone: a context that also knows the requests' unqualified elements keeps the
            // default namespace free for them and prefixes Bring's
            context = JAXBContext.newInstance(BringShipmentResponse.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot load the Bring Shipment model", e);
        }
    }

    byte[] write(BringShipmentResponse response, WireFormat format) {
        return format == WireFormat.JSON ? writeJson(response) : writeXml(response);
    }

    private byte[] writeJson(BringShipmentResponse response) {
        ObjectNode body = json.valueToTree(response);
        if (response.getIdentities().size() == 1) {
            BringIdentities identities = response.getIdentities().get(0);
            ObjectNode single = json.createObjectNode().put("ShipmentId", identities.getShipmentId());
            identities.getPackageId().forEach(single.putArray("PackageId")::add);
            body.set("Identities", single);
        }
        try {
            return json.writeValueAsBytes(json.createObjectNode().set(ROOT, body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + ROOT + " as JSON", e);
        }
    }

    private byte[] writeXml(BringShipmentResponse response) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.setProperty("org.glassfish.jaxb.namespacePrefixMapper", BringAsDefaultNamespace.INSTANCE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(new JAXBElement<>(new QName(BringShipmentCodec.NAMESPACE, ROOT), BringShipmentResponse.class, response), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write a " + ROOT + " as XML", e);
        }
    }

    private static final class BringAsDefaultNamespace extends NamespacePrefixMapper {
        static final BringAsDefaultNamespace INSTANCE = new BringAsDefaultNamespace();

        @Override
        public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
            return BringShipmentCodec.NAMESPACE.equals(namespaceUri) && !requirePrefix ? "" : suggestion;
        }
    }
}

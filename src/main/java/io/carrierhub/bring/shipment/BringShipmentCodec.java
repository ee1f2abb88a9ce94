package io.carrierhub.bring.shipment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.bring.shipment.model.BringShipmentResponse;
import io.carrierhub.bring.shipment.model.BringShipmentType;
import io.carrierhub.bring.shipment.model.ObjectFactory;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.json.JaxbJson;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * Bring Shipment API messages on the wire, as XML or JSON ({@code xsd/bring-shipment.xsd}).
 * XML is written as Bring's samples are: only the root in Bring's namespace, its children unqualified, in ISO-8859-1
 * (what the API assumes of every request). The root carries a prefix where the samples use the default namespace:
 * the same document to a namespace-aware reader. JSON requests have no root wrapper; JSON responses do.
 */
public class BringShipmentCodec {

    public static final String NAMESPACE = "http://api.bring.com/CreateShipment";
    public static final Charset CHARSET = StandardCharsets.ISO_8859_1;
    private static final String RESPONSE_ROOT = "CreateShipmentResponse";
    private static final int MAX_REPORTED_ERRORS = 10;

    private final JAXBContext context;
    private final Schema schema;
    private final ObjectFactory roots = new ObjectFactory();
    private final ObjectMapper json = JaxbJson.mapper("Value");
    // Non-ASCII characters escaped: the bytes read the same whether Bring takes them for UTF-8 or ISO-8859-1.
    private final ObjectWriter jsonWriter = json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    // The response's error shape is inferred, not documented: what the hub does not know must not lose the ids.
    private final ObjectReader responseReader = json.readerFor(BringShipmentResponse.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final XMLInputFactory xmlInput = hardenedInputFactory();

    public BringShipmentCodec() {
        try {
            context = JAXBContext.newInstance(ObjectFactory.class);
            schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(BringShipmentCodec.class.getResource("/xsd/bring-shipment.xsd"));
        } catch (JAXBException | SAXException e) {
            throw new IllegalStateException("cannot load the Bring Shipment contract xsd/bring-shipment.xsd", e);
        }
    }

    public byte[] writeRequest(JAXBElement<BringShipmentRequest> request, boolean asJson) {
        return asJson ? writeJson(request.getValue()) : writeXml(request);
    }

    /** What Bring answers, for a sandbox playing Bring. */
    public byte[] writeResponse(BringShipmentResponse response, boolean asJson) {
        return asJson ? writeJson(Map.of(RESPONSE_ROOT, response)) : writeXml(roots.createCreateShipmentResponse(response));
    }

    /**
     * A request as Bring would take it, held to the schema; JSON has no root, so the shipmentType names it.
     *
     * @throws InvalidMessageException INVALID_XML, INVALID_JSON or SCHEMA_INVALID
     */
    public JAXBElement<BringShipmentRequest> readRequest(byte[] body, boolean asJson) {
        JAXBElement<BringShipmentRequest> request = asJson ? readJsonRequest(body) : readXmlRequest(body);
        validate(request);
        return request;
    }

    /** @throws CarrierRejectedException CARRIER_RESPONSE_INVALID when the body is not a CreateShipmentResponse */
    public BringShipmentResponse readResponse(byte[] body, boolean asJson) {
        try {
            if (asJson) {
                JsonNode response = json.readTree(body).get(RESPONSE_ROOT);
                if (response == null) {
                    throw new IOException("no " + RESPONSE_ROOT + " member");
                }
                return responseReader.readValue(response);
            }
            XMLStreamReader reader = xmlInput.createXMLStreamReader(new ByteArrayInputStream(body));
            JAXBElement<BringShipmentResponse> response = context.createUnmarshaller().unmarshal(reader, BringShipmentResponse.class);
            if (!RESPONSE_ROOT.equals(response.getName().getLocalPart())) {
                throw new IOException("the root is " + response.getName().getLocalPart());
            }
            return response.getValue();
        } catch (IOException | JAXBException | XMLStreamException e) {
            throw new CarrierRejectedException("CARRIER_RESPONSE_INVALID",
                    "Bring Shipment answered with a body that is not a " + RESPONSE_ROOT + ": " + rootCause(e));
        }
    }

    private JAXBElement<BringShipmentRequest> readJsonRequest(byte[] body) {
        BringShipmentRequest request;
        try {
            request = json.readValue(body, BringShipmentRequest.class);
        } catch (StreamReadException e) {
            throw new InvalidMessageException("INVALID_JSON", "the request is not well-formed JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("SCHEMA_INVALID", "the request does not follow the Bring Shipment contract: "
                    + e.getOriginalMessage() + " at " + e.getLocation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (request == null) {
            throw new InvalidMessageException("SCHEMA_INVALID", "the request is empty");
        }
        boolean booking = request.getShipment() != null && request.getShipment().getShipmentType() == BringShipmentType.BOOKING;
        return booking ? roots.createCreateBookingRequest(request) : roots.createCreateShipmentRequest(request);
    }

    private JAXBElement<BringShipmentRequest> readXmlRequest(byte[] body) {
        List<String> errors = new ArrayList<>();
        Object root;
        try {
            Unmarshaller unmarshaller = context.createUnmarshaller();
            unmarshaller.setSchema(schema);
            unmarshaller.setEventHandler(event -> collect(event, errors));
            root = unmarshaller.unmarshal(xmlInput.createXMLStreamReader(new ByteArrayInputStream(body)));
        } catch (JAXBException | XMLStreamException e) {
            if (errors.isEmpty()) {
                throw new InvalidMessageException("INVALID_XML", "the request is not well-formed XML: " + rootCause(e));
            }
            throw schemaInvalid(errors);
        }
        if (!errors.isEmpty()) {
            throw schemaInvalid(errors);
        }
        if (root instanceof JAXBElement<?> element && element.getValue() instanceof BringShipmentRequest) {
            @SuppressWarnings("unchecked")
            JAXBElement<BringShipmentRequest> request = (JAXBElement<BringShipmentRequest>) element;
            return request;
        }
        throw new InvalidMessageException("SCHEMA_INVALID", "not a CreateShipmentRequest or CreateBookingRequest");
    }

    /** Writes the request through the validating marshaller; JSON is held to the schema so too. */
    private void validate(JAXBElement<BringShipmentRequest> request) {
        List<String> errors = new ArrayList<>();
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setSchema(schema);
            marshaller.setEventHandler(event -> collect(event, errors));
            marshaller.marshal(request, OutputStream.nullOutputStream());
        } catch (JAXBException e) {
            errors.add(rootCause(e));
        }
        if (!errors.isEmpty()) {
            throw schemaInvalid(errors);
        }
    }

    private byte[] writeJson(Object value) {
        try {
            return jsonWriter.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Bring Shipment message as JSON", e);
        }
    }

    private byte[] writeXml(JAXBElement<?> element) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, CHARSET.name());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(element, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + element.getName(), e);
        }
    }

    private static InvalidMessageException schemaInvalid(List<String> errors) {
        return new InvalidMessageException("SCHEMA_INVALID",
                "the request does not follow xsd/bring-shipment.xsd: " + String.join("; ", errors));
    }

    private static boolean collect(ValidationEvent event, List<String> errors) {
        if (errors.size() < MAX_REPORTED_ERRORS) {
            var where = event.getLocator();
            errors.add((where != null && where.getLineNumber() > 0 ? "line " + where.getLineNumber() + ": " : "") + event.getMessage());
        }
        return event.getSeverity() != ValidationEvent.FATAL_ERROR;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private static XMLInputFactory hardenedInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}

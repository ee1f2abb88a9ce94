package io.carrierhub.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.json.JaxbJson;
import io.carrierhub.order.model.Action;
import io.carrierhub.order.model.CancelOrder;
import io.carrierhub.order.model.ObjectFactory;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.OrderStatus;
import io.carrierhub.order.model.TmsEvent;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * Reads the ERP's messages and writes the hub's, in the canonical contract {@code xsd/order.xsd}, as XML or JSON.
 * Both formats are held to the schema: XML while it is read, JSON by writing the object it maps to through the
 * validating marshaller. Every refusal is an {@link InvalidMessageException} with a code and the schema's words.
 */
public class OrderCodec {

    static final String NAMESPACE = "urn:carrierhub:order:v1";
    private static final int MAX_REPORTED_ERRORS = 10;
    private static final Map<String, Action> INBOUND = Map.of(
            "createOrder", Action.CREATE, "updateOrder", Action.UPDATE, "cancelOrder", Action.CANCEL);

    private final JAXBContext context;
    private final Schema schema;
    private final ObjectMapper json = JaxbJson.mapper("value");
    private final ObjectFactory elements = new ObjectFactory();
    private final XMLInputFactory xmlInput = hardenedInputFactory();

    public OrderCodec() {
        try {
            context = JAXBContext.newInstance(ObjectFactory.class);
            schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(OrderCodec.class.getResource("/xsd/order.xsd"));
        } catch (JAXBException | SAXException e) {
            throw new IllegalStateException("cannot load the order contract xsd/order.xsd", e);
        }
    }

    /** Reads an ERP message; the format comes from the Content-Type when it names one, else from the first character. */
    public OrderMessage read(byte[] body, String contentType) {
        MessageFormat format = MessageFormat.ofContentType(contentType);
        if (format == null) {
            format = sniff(body);
        }
        JAXBElement<?> element = format == MessageFormat.XML ? readXml(body) : readJson(body);
        Action action = INBOUND.get(element.getName().getLocalPart());
        if (action == null) {
            throw new InvalidMessageException("UNEXPECTED_MESSAGE",
                    element.getName().getLocalPart() + " is sent by the hub, not to it; send createOrder, updateOrder or cancelOrder");
        }
        Object value = element.getValue();
        if (value instanceof CancelOrder cancel) {
            return new OrderMessage(action, null, cancel, format, cancel.getOrderId() + ":" + action);
        }
        Order order = (Order) value;
        String key = order.getOrderId() + ":" + action + (action == Action.UPDATE ? ":" + digest(body) : "");
        return new OrderMessage(action, order, null, format, key);
    }

    /** An order as a createOrder message; the ledger keeps orders so, in XML. */
    public String writeOrder(Order order, MessageFormat format) {
        return write(elements.createCreateOrder(order), format);
    }

    /** Reads back what {@link #writeOrder} wrote. */
    public Order readOrder(String xml) {
        return (Order) readXml(xml.getBytes(StandardCharsets.UTF_8)).getValue();
    }

    public String writeStatus(OrderStatus status, MessageFormat format) {
        return write(elements.createOrderStatus(status), format);
    }

    public String writeEvent(TmsEvent event, MessageFormat format) {
        return write(elements.createTmsEvent(event), format);
    }

    private String write(JAXBElement<?> element, MessageFormat format) {
        if (format == MessageFormat.XML) {
            return writeXml(element);
        }
        try {
            return json.writeValueAsString(Map.of(element.getName().getLocalPart(), element.getValue()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + element.getName(), e);
        }
    }

    private JAXBElement<?> readXml(byte[] body) {
        List<String> errors = new ArrayList<>();
        try {
            Unmarshaller unmarshaller = context.createUnmarshaller();
            unmarshaller.setSchema(schema);
            unmarshaller.setEventHandler(event -> collect(event, errors));
            XMLStreamReader reader = xmlInput.createXMLStreamReader(new ByteArrayInputStream(body));
            Object result = unmarshaller.unmarshal(reader);
            if (!errors.isEmpty()) {
                throw new InvalidMessageException("SCHEMA_INVALID", "the order does not follow xsd/order.xsd: " + String.join("; ", errors));
            }
            if (!(result instanceof JAXBElement<?> element)) {
                throw new InvalidMessageException("SCHEMA_INVALID", "not a message of xsd/order.xsd");
            }
            return element;
        } catch (JAXBException | XMLStreamException e) {
            String detail = errors.isEmpty() ? rootCause(e) : String.join("; ", errors);
            if (e instanceof jakarta.xml.bind.UnmarshalException && !errors.isEmpty() && !isFatal(e)) {
                throw new InvalidMessageException("SCHEMA_INVALID", "the order does not follow xsd/order.xsd: " + detail);
            }
            throw new InvalidMessageException("INVALID_XML", "the message is not well-formed XML: " + detail);
        }
    }

    private JAXBElement<?> readJson(byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("INVALID_JSON", "the message is not well-formed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || !tree.isObject() || tree.size() != 1) {
            throw new InvalidMessageException("SCHEMA_INVALID",
                    "a JSON message is an object with one member that names it: createOrder, updateOrder or cancelOrder");
        }
        Iterator<Map.Entry<String, JsonNode>> members = tree.fields();
        Map.Entry<String, JsonNode> member = members.next();
        Class<?> type = switch (member.getKey()) {
            case "createOrder", "updateOrder" -> Order.class;
            case "cancelOrder" -> CancelOrder.class;
            case "orderStatus" -> OrderStatus.class;
            case "tmsEvent" -> TmsEvent.class;
            default -> throw new InvalidMessageException("SCHEMA_INVALID", "unknown message '" + member.getKey()
                    + "': send createOrder, updateOrder or cancelOrder");
        };
        Object value;
        try {
            value = json.treeToValue(member.getValue(), type);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("SCHEMA_INVALID", "the order does not follow the contract: " + e.getOriginalMessage()
                    + " at " + e.getLocation());
        }
        JAXBElement<?> element = new JAXBElement<>(new QName(NAMESPACE, member.getKey()), cast(type), value);
        validate(element);
        return element;
    }

    private void validate(JAXBElement<?> element) {
        List<String> errors = new ArrayList<>();
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setSchema(schema);
            marshaller.setEventHandler(event -> collect(event, errors));
            marshaller.marshal(element, new StringWriter());
        } catch (JAXBException e) {
            errors.add(rootCause(e));
        }
        if (!errors.isEmpty()) {
            throw new InvalidMessageException("SCHEMA_INVALID", "the order does not follow xsd/order.xsd: " + String.join("; ", errors));
        }
    }

    private String writeXml(JAXBElement<?> element) {
        try {
            Marshaller marshaller = context.createMarshaller();
            StringWriter out = new StringWriter();
            marshaller.marshal(element, out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + element.getName(), e);
        }
    }

    private static boolean collect(ValidationEvent event, List<String> errors) {
        if (errors.size() < MAX_REPORTED_ERRORS) {
            var where = event.getLocator();
            errors.add((where != null && where.getLineNumber() > 0 ? "line " + where.getLineNumber() + ": " : "") + event.getMessage());
        }
        return event.getSeverity() != ValidationEvent.FATAL_ERROR;
    }

    private static boolean isFatal(Throwable e) {
        return e.getCause() instanceof XMLStreamException || rootCause(e).contains("well-formed");
    }

    private static MessageFormat sniff(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (start.startsWith("<")) {
            return MessageFormat.XML;
        }
        if (start.startsWith("{")) {
            return MessageFormat.JSON;
        }
        throw new InvalidMessageException("UNKNOWN_FORMAT", "the message is neither XML nor JSON and has no Content-Type that says which");
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> cast(Class<?> type) {
        return (Class<T>) type;
    }

    private static XMLInputFactory hardenedInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}

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
import io.carrierhub.order.model.TransportOrder;
import io.carrierhub.xml.XmlContract;
import jakarta.xml.bind.JAXBElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * Reads the ERP's messages and writes the hub's, in the canonical contract {@code xsd/order.xsd}, as XML or JSON.
 * Both formats are held to the schema: XML while it is read, JSON by writing the object it maps to through the
 * validating marshaller. Every refusal is an {@link InvalidMessageException} with a code and the schema's words.
 */
public class OrderCodec {

    static final String NAMESPACE = "urn:carrierhub:order:v1";
    private static final Map<String, Action> INBOUND = Map.of(
            "createOrder", Action.CREATE, "updateOrder", Action.UPDATE, "cancelOrder", Action.CANCEL,
            "createTransportOrder", Action.TRANSPORT_ORDER);

    private final XmlContract xml = new XmlContract("xsd/order.xsd", ObjectFactory.class);
    private final ObjectMapper json = JaxbJson.mapper("value");
    private final ObjectFactory elements = new ObjectFactory();

    /** Reads an ERP message; the format comes from the Content-Type when it names one, else from the first character. */
    public OrderMessage read(byte[] body, String contentType) {
        return read(body, contentType, true);
    }

    /**
     * Reads again an ERP message that {@link #read} found valid before (the intake, for a carrier's lane or the
     * ledger): bound as it was, without holding it to the schema a second time.
     */
    public OrderMessage reread(byte[] body, String contentType) {
        return read(body, contentType, false);
    }

    private OrderMessage read(byte[] body, String contentType, boolean check) {
        MessageFormat format = MessageFormat.ofContentType(contentType);
        if (format == null) {
            format = sniff(body);
        }
        JAXBElement<?> element = format == MessageFormat.XML ? readXml(body, check) : readJson(body, check);
        Action action = INBOUND.get(element.getName().getLocalPart());
        if (action == null) {
            throw new InvalidMessageException("UNEXPECTED_MESSAGE",
                    element.getName().getLocalPart() + " is sent by the hub, not to it; send createOrder, updateOrder, cancelOrder or createTransportOrder");
        }
        Object value = element.getValue();
        if (value instanceof CancelOrder cancel) {
            return new OrderMessage(action, null, cancel, null, format, cancel.getOrderId() + ":" + action, body);
        }
        if (value instanceof TransportOrder transport) {
            return new OrderMessage(action, null, null, transport, format,
                    transport.getOrderId() + ":" + action + ":" + transport.getConsignmentId(), body);
        }
        Order order = (Order) value;
        String key = order.getOrderId() + ":" + action + (action == Action.UPDATE ? ":" + digest(body) : "");
        return new OrderMessage(action, order, null, null, format, key, body);
    }

    /** An order as a createOrder message. */
    public String writeOrder(Order order, MessageFormat format) {
        return write(elements.createCreateOrder(order), format);
    }

    /** An order as an updateOrder message (the whole order again). */
    public String writeUpdate(Order order, MessageFormat format) {
        return write(elements.createUpdateOrder(order), format);
    }

    public String writeCancel(CancelOrder cancel, MessageFormat format) {
        return write(elements.createCancelOrder(cancel), format);
    }

    /** Reads an order that {@link #writeOrder} wrote in XML. */
    public Order readOrder(String xml) {
        return (Order) readXml(xml.getBytes(StandardCharsets.UTF_8), true).getValue();
    }

    public String writeStatus(OrderStatus status, MessageFormat format) {
        return write(elements.createOrderStatus(status), format);
    }

    public String writeEvent(TmsEvent event, MessageFormat format) {
        return write(elements.createTmsEvent(event), format);
    }

    /** Reads a tmsEvent, as a consumer of the event stream does; the format as in {@link #read}. */
    public TmsEvent readEvent(byte[] body, String contentType) {
        MessageFormat format = MessageFormat.ofContentType(contentType);
        JAXBElement<?> element = (format != null ? format : sniff(body)) == MessageFormat.XML ? readXml(body, true) : readJson(body, true);
        if (!(element.getValue() instanceof TmsEvent event)) {
            throw new InvalidMessageException("UNEXPECTED_MESSAGE", element.getName().getLocalPart() + " is not a tmsEvent");
        }
        return event;
    }

    private String write(JAXBElement<?> element, MessageFormat format) {
        if (format == MessageFormat.XML) {
            return new String(xml.write(element, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsString(Map.of(element.getName().getLocalPart(), element.getValue()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + element.getName(), e);
        }
    }

    private JAXBElement<?> readXml(byte[] body, boolean check) {
        Object root;
        try {
            root = check ? xml.read(body) : xml.readChecked(body);
        } catch (XmlContract.Refusal refusal) {
            throw invalid(refusal);
        }
        if (!(root instanceof JAXBElement<?> element)) {
            throw new InvalidMessageException("SCHEMA_INVALID", "not a message of xsd/order.xsd");
        }
        return element;
    }

    private JAXBElement<?> readJson(byte[] body, boolean check) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("INVALID_JSON", "the message is not well-formed JSON ("
                    + JaxbJson.where(e, "$") + "): " + e.getOriginalMessage());
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
            case "createTransportOrder" -> TransportOrder.class;
            case "orderStatus" -> OrderStatus.class;
            case "tmsEvent" -> TmsEvent.class;
            default -> throw new InvalidMessageException("SCHEMA_INVALID", "unknown message '" + member.getKey()
                    + "': send createOrder, updateOrder, cancelOrder or createTransportOrder");
        };
        Object value;
        try {
            value = json.treeToValue(member.getValue(), type);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("SCHEMA_INVALID", "the order does not follow the contract at "
                    + JaxbJson.where(e, "$." + member.getKey()) + ": " + e.getOriginalMessage());
        }
        JAXBElement<?> element = new JAXBElement<>(new QName(NAMESPACE, member.getKey()), cast(type), value);
        if (check) {
            try {
                xml.validate(element);
            } catch (XmlContract.Refusal refusal) {
                throw invalid(refusal);
            }
        }
        return element;
    }

    private static InvalidMessageException invalid(XmlContract.Refusal refusal) {
        return refusal.breaksSchema()
                ? new InvalidMessageException("SCHEMA_INVALID", "the order does not follow xsd/order.xsd: " + refusal.getMessage())
                : new InvalidMessageException("INVALID_XML", "the message is not well-formed XML: " + refusal.getMessage());
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

    @SuppressWarnings("unchecked")
    private static <T> Class<T> cast(Class<?> type) {
        return (Class<T>) type;
    }
}

package io.carrierhub.bring.po.sandbox;

import com.sun.net.httpserver.HttpExchange;
import io.carrierhub.bring.po.model.CreateEventRequest;
import io.carrierhub.bring.po.model.CreatePackagingListRequest;
import io.carrierhub.bring.po.model.CreatePurchaseOrderRequest;
import io.carrierhub.bring.po.model.DateAndTimes;
import io.carrierhub.bring.po.model.IsPurchaseorderCustomerRequest;
import io.carrierhub.bring.po.model.ObjectFactory;
import io.carrierhub.bring.po.model.PurchaseOrderRequest;
import io.carrierhub.bring.po.model.RequestProperties;
import io.carrierhub.bring.po.model.StatusResponse;
import io.carrierhub.bring.po.model.TransportOrderRequest;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The REST XML interface, {@code /po/api/v1/...}: the GETs name customer and purchase order in the path (and carry
 * no RequestProperties: the sandbox's own stand in), the POSTs carry the same messages as the SOAP service. Answers
 * are HTTP 200 with the Error in ResponseProperties, as Bring's examples are; a body that is no readable request is
 * PO_INPUT_017, a format other than XML (a .json path, a JSON body) PO_INPUT_018, an unknown path 404.
 */
class RestPurchaseOrders {

    static final String PREFIX = "/po/api/v1/";
    private static final String NAMESPACE = "http://api.bring.com/po";
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z]+)(\\s|>|/)");

    private final PoDesk desk;
    private final int schemaVersion;
    private final Clock clock;
    private final JAXBContext jaxb;
    private final XMLInputFactory input = XMLInputFactory.newFactory();

    RestPurchaseOrders(PoDesk desk, int schemaVersion, Clock clock) {
        this.desk = desk;
        this.schemaVersion = schemaVersion;
        this.clock = clock;
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try {
            jaxb = JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    void handle(HttpExchange exchange, PoDesk.Login login) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String[] parts = path.split("/");
        boolean get = exchange.getRequestMethod().equals("GET");
        boolean post = exchange.getRequestMethod().equals("POST");
        if (path.endsWith(".json") || post && contentType(exchange).contains("json")) {
            reply(exchange, "StatusResponse", refused("PO_INPUT_018"));
            return;
        }
        parts[parts.length - 1] = parts[parts.length - 1].replaceFirst("\\.xml$", "");
        String resource = parts[0];
        if (get && parts.length == 2 && resource.equals("purchaseorderCustomer")) {
            IsPurchaseorderCustomerRequest request = new IsPurchaseorderCustomerRequest();
            request.setRequestProperties(standIn());
            request.setCustomerNo(parts[1]);
            reply(exchange, "IsPurchaseorderCustomerResponse", desk.isCustomer(login, request));
        } else if (get && parts.length == 3 && resource.equals("order")) {
            reply(exchange, "GetPurchaseOrderResponse", desk.getPurchaseOrder(login, about(parts)));
        } else if (get && parts.length == 3 && resource.equals("items")) {
            reply(exchange, "GetPurchaseOrderItemResponse", desk.getItems(login, about(parts)));
        } else if (get && parts.length == 3 && resource.equals("transport")) {
            reply(exchange, "GetTransportOrderResponse", desk.getTransportOrders(login, about(parts)));
        } else if (get && parts.length == 3 && resource.equals("senderStatus")) {
            reply(exchange, "GetSenderStatusResponse", desk.senderStatus(login, about(parts)));
        } else if (get && parts.length == 1 && resource.equals("errorCodes")) {
            reply(exchange, "ErrorList", desk.errorCodes());
        } else if (post && parts.length == 1 && resource.equals("order")) {
            Object request = read(exchange);
            reply(exchange, "CreatePurchaseOrderResponse", request instanceof CreatePurchaseOrderRequest create
                    ? desk.createPurchaseOrder(login, create) : refused("PO_INPUT_017"));
        } else if (post && parts.length == 1 && resource.equals("transport")) {
            Object request = read(exchange);
            reply(exchange, "CreateTransportOrderResponse", request instanceof TransportOrderRequest transport
                    ? desk.createTransportOrder(login, transport)
                    : request instanceof CreatePackagingListRequest list ? desk.createTransportOrder(login, asTransportOrder(list))
                    : refused("PO_INPUT_017"));
        } else if (post && parts.length == 1 && resource.equals("event")) {
            Object request = read(exchange);
            reply(exchange, "CreateEventResponse", request instanceof CreateEventRequest events
                    ? desk.createEvents(login, events) : refused("PO_INPUT_017"));
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    /** The later CreatePackagingListRequest is the same function: its PackingList is the TransportOrder. */
    static TransportOrderRequest asTransportOrder(CreatePackagingListRequest list) {
        TransportOrderRequest request = new TransportOrderRequest();
        request.setRequestProperties(list.getRequestProperties());
        request.setCustomerNo(list.getCustomerNo());
        request.setPurchaseOrderNo(list.getPurchaseOrderNo());
        request.setTransportOrder(list.getPackingList());
        return request;
    }

    private PurchaseOrderRequest about(String[] parts) {
        PurchaseOrderRequest request = new PurchaseOrderRequest();
        request.setRequestProperties(standIn());
        request.setCustomerNo(parts[1]);
        request.setPurchaseOrderNo(parts[2]);
        return request;
    }

    private RequestProperties standIn() {
        RequestProperties properties = new RequestProperties();
        properties.setSchemaVersion(schemaVersion);
        properties.setLocale("en");
        DateAndTimes date = new DateAndTimes();
        date.setSubClass("RequestDate");
        date.setValue(DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(GregorianCalendar.from(ZonedDateTime.now(clock))));
        properties.setDateAndTimes(date);
        return properties;
    }

    private StatusResponse refused(String code) {
        StatusResponse response = new StatusResponse();
        response.setResponseProperties(desk.refusal(code));
        response.setStatus(io.carrierhub.bring.po.model.Status.FAILED);
        return response;
    }

    /** The request, with or without Bring's namespace (some of Bring's REST examples have none); null if unreadable. */
    private Object read(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!body.contains(NAMESPACE)) {
            Matcher root = ROOT.matcher(body);
            if (root.find()) {
                body = body.substring(0, root.end(1)) + " xmlns=\"" + NAMESPACE + "\"" + body.substring(root.end(1));
            }
        }
        try {
            Object read = jaxb.createUnmarshaller().unmarshal(input.createXMLStreamReader(
                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
            return read instanceof JAXBElement<?> element ? element.getValue() : read;
        } catch (JAXBException | XMLStreamException unreadable) {
            return null;
        }
    }

    private void reply(HttpExchange exchange, String root, Object answer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Marshaller marshaller = jaxb.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.marshal(answer.getClass().isAnnotationPresent(jakarta.xml.bind.annotation.XmlRootElement.class)
                    ? answer : new JAXBElement<>(new QName(NAMESPACE, root), cast(answer.getClass()), answer), out);
        } catch (JAXBException e) {
            throw new IOException(e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/xml;charset=UTF-8");
        exchange.sendResponseHeaders(200, out.size());
        exchange.getResponseBody().write(out.toByteArray());
    }

    private static String contentType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type == null ? "" : type.toLowerCase();
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> cast(Class<?> type) {
        return (Class<T>) type;
    }
}

package io.carrierhub.carrier;

import io.carrierhub.error.CarrierRefusal;
import io.carrierhub.error.CarrierResponseClassifier;
import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.error.UnknownCarrierException;
import io.carrierhub.order.OrderMessage;
import io.carrierhub.order.model.CarrierReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.camel.component.http.HttpMethods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The carriers the hub serves, each with its client, and what the lanes ask of them: which lane an order goes to,
 * how its lane calls it, the request for an order (and a check before it), and what the carrier's answer means.
 */
public class Carriers {

    public static final String CHECK = "hubCarrierCheck";

    private static final Logger log = LoggerFactory.getLogger(Carriers.class);
    /** Exchange property: the credentials were renewed once during this call. */
    static final String AUTH_RENEWED = "hubAuthRenewed";

    private final Map<String, CarrierClient> clients = new TreeMap<>();
    private final Map<String, CallTemplate> calls = new TreeMap<>();
    private final Map<String, String> misconfigured = new ConcurrentHashMap<>();
    private final CarrierResponseClassifier classifier;

    public Carriers(CarrierSettings settings, List<CarrierApi> apis, CarrierResponseClassifier classifier) {
        this.classifier = classifier;
        Map<String, CarrierApi> byName = apis.stream().collect(Collectors.toMap(CarrierApi::name, Function.identity()));
        for (String carrier : settings.carriers().keySet()) {
            CarrierApi api = byName.get(settings.api(carrier));
            if (api == null) {
                throw new IllegalArgumentException("hub.carriers." + carrier + ".api names '" + settings.api(carrier)
                        + "', an API the hub does not speak; it speaks " + byName.keySet());
            }
            clients.put(carrier, api.client(carrier));
            calls.put(carrier, api.call(carrier));
        }
    }

    /** How the lane of this carrier calls it. */
    public CallTemplate call(String carrier) {
        return calls.get(carrier);
    }

    public Set<String> names() {
        return clients.keySet();
    }

    /** The queue of the lane that carries this order; an unknown carrier is refused, and so is an order it would refuse. */
    public String lane(OrderMessage message) {
        if (!clients.containsKey(message.carrier())) {
            throw new UnknownCarrierException("the hub serves no carrier named '" + message.carrier() + "'; it serves " + names());
        }
        CarrierClient client = clients.get(message.carrier());
        if (message.transportOrder() != null && !client.takesTransportOrders()) {
            throw new InvalidMessageException("UNSUPPORTED_MESSAGE", message.carrier() + " takes no transport orders");
        }
        client.admit(message);
        return CarrierProperties.queue(message.carrier());
    }

    /** Puts the carrier's request for this order message on the Camel message: body, HTTP method, path, query, headers. */
    public void writeRequest(Message message, String carrier, OrderMessage order) {
        write(message, client(carrier).request(order));
    }

    /**
     * Puts the check the carrier's client needs before the request on the Camel message, and whether there is one in
     * the exchange property {@value #CHECK}.
     */
    public void writeCheck(Exchange exchange, String carrier, OrderMessage order) {
        Optional<CarrierRequest> check = client(carrier).check(order);
        check.ifPresent(request -> write(exchange.getIn(), request));
        exchange.setProperty(CHECK, check.isPresent());
    }

    /** Reads the carrier's answer to the check: a refusal or failure is classified as any answer is. */
    public void readCheck(Exchange exchange, String carrier, OrderMessage order) {
        Message in = exchange.getIn();
        int status = in.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        byte[] body = in.getBody(byte[].class);
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        CarrierClient client = client(carrier);
        Optional<CarrierRefusal> refusal = client.refusal(body, contentType);
        if (status < 200 || status >= 300 || refusal.isPresent()) {
            classify(exchange, carrier, refusal.orElse(null));
        }
        misconfigured.remove(carrier);
        client.checked(order, body, contentType);
    }

    /** Puts a request its client wrote on the Camel message, for HTTP or (with an operation) camel-cxf PAYLOAD. */
    public static void write(Message message, CarrierRequest request) {
        // camel-cxf takes a PAYLOAD body as the element itself
        message.setBody(request.operation() != null && request.body() != null
                ? new CxfPayload<>(new ArrayList<>(), List.of(new DOMSource(element(request.body()))), null) : request.body());
        message.setHeaders(new HashMap<>(request.headers()));
        // as camel-http's enum: from a String, Camel's converter searches all its converters at every call
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(request.method()));
        message.setHeader(Exchange.HTTP_PATH, request.path());
        if (request.query() != null) {
            message.setHeader(Exchange.HTTP_QUERY, request.query());
        }
        if (request.operation() != null) {
            message.setHeader(CxfConstants.OPERATION_NAME, request.operation());
        }
    }

    /**
     * After the carrier's answer: whether it was a 401 that fresh credentials may mend (the client's auth renews, as
     * a bearer token does), so that the lane makes the call once more. Once per call: a second 401 is the answer.
     */
    public boolean renewAuth(Exchange exchange, String carrier) {
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != 401 || exchange.getProperty(AUTH_RENEWED, false, Boolean.class)) {
            return false;
        }
        boolean renewed = client(carrier).auth().map(CarrierAuth::renew).orElse(false);
        if (renewed) {
            exchange.setProperty(AUTH_RENEWED, true);
            log.info("{} refused the hub's credentials (HTTP 401): the call is made once more with fresh ones", carrier);
        }
        return renewed;
    }

    /**
     * The carrier's ids in its answer. A refusal that says an earlier attempt already went through (the carrier
     * took the request, but its answer was lost) counts as success on a retry; any other failure is classified,
     * with the carrier's own words as its reason where its client can read them (the raw answer is logged at DEBUG).
     */
    public List<CarrierReference> readAnswer(Exchange exchange, String carrier, OrderMessage order, boolean retry) {
        Message in = exchange.getIn();
        int status = in.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        byte[] body = in.getBody(byte[].class);
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        CarrierClient client = client(carrier);
        Optional<CarrierRefusal> refusal = client.refusal(body, contentType);
        if (status >= 200 && status < 300 && refusal.isEmpty()) {
            misconfigured.remove(carrier);
            return client.references(order, body, contentType);
        }
        if (retry) {
            Optional<List<CarrierReference>> done = client.acceptedBefore(order, status, body, contentType);
            if (done.isPresent()) {
                return done.get();
            }
        }
        log.debug("{} answered order {} with HTTP {}: {}", carrier, order.orderId(), status, in.getBody(String.class));
        classify(exchange, carrier, refusal.orElse(null));
        throw new IllegalStateException(carrier + " answered HTTP " + status + ", which the classifier let pass");
    }

    /** Why the carrier refused the hub's account or configuration at its last call, if it did and none succeeded since. */
    public Optional<String> misconfigured(String carrier) {
        return Optional.ofNullable(misconfigured.get(carrier));
    }

    private void classify(Exchange exchange, String carrier, CarrierRefusal refusal) {
        if (refusal != null && refusal.kind() == CarrierRefusal.Kind.CONFIGURATION) {
            misconfigured.put(carrier, refusal.status() + ": " + refusal.text());
        }
        classifier.check(exchange, carrier, refusal);
    }

    private static Element element(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("a carrier client wrote a SOAP body that is no XML", e);
        }
    }

    private CarrierClient client(String carrier) {
        CarrierClient client = clients.get(carrier);
        if (client == null) {
            throw new UnknownCarrierException("the hub serves no carrier named '" + carrier + "'");
        }
        return client;
    }
}

package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Events posted to the ERP's callback URL: a real HTTP server stands for the ERP, and checks each request's signature
 * the way docs/operations.md tells the ERP to, with its own HMAC code.
 */
@HubTest
class TmsEventCallbackIT {

    static final String SECRET = "erp-shared-secret-for-tests";
    static final String CALLBACK_DLQ = "DLQ.hub.event-callbacks";
    /** hub.events.callback.retry.maximum-redeliveries in application.yaml */
    static final int ATTEMPTS = 1 + 6;

    static final Erp ERP = Erp.start();

    @DynamicPropertySource
    static void callbackToTheErp(DynamicPropertyRegistry registry) {
        registry.add("hub.events.callback.url", () -> "http://127.0.0.1:" + ERP.port() + "/erp/tms-events");
        registry.add("hub.events.callback.secret", () -> SECRET);
        // a hub of its own (the callback URL makes it one): its own in-VM broker id, and sandboxes apart from the
        // shared hub's: Bring's on a port of its own, to book orders; the second one on any free port
        registry.add("hub.broker.in-vm-id", () -> "12");
        registry.add("hub.sandbox.bring-shipment.port", () -> "28095");
        registry.add("hub.test.second-bring-port", () -> "0");
        registry.add("hub.sandbox.drivoo.port", () -> "0");
        registry.add("hub.sandbox.bring-po.port", () -> "0");
        registry.add("hub.sandbox.bringg.tls-port", () -> "0");
        registry.add("hub.intake.max-deliveries", () -> "2");
    }

    @Autowired
    ProducerTemplate producer;
    @Autowired
    CamelContext camel;
    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    OrderCodec codec;

    JmsTemplate jms;

    @BeforeEach
    void connect() {
        jms = new JmsTemplate(jmsTemplate.getConnectionFactory());
        jms.setReceiveTimeout(15_000);
    }

    @AfterAll
    static void stopErp() {
        ERP.server.stop(0);
    }

    @Test
    void eventsArePostedInOrderSignedAndTheErpTakesThem() {
        String orderId = TmsEventIT.newOrderId();

        producer.sendBody("direct:tms-event", TmsEventIT.event(orderId, EventType.ACCEPTED));
        producer.sendBody("direct:tms-event", TmsEventIT.event(orderId, EventType.PICKED_UP));

        List<Request> requests = ERP.awaitRequests(orderId, 2);
        assertThat(requests).extracting(Request::status).containsExactly(200, 200);
        assertThat(requests).extracting(request -> request.header("X-Hub-Event-Id")).containsExactly(orderId + ":1", orderId + ":2");
        Request first = requests.get(0);
        assertThat(first.header("Content-Type")).startsWith("application/xml");
        assertThat(first.header("X-Hub-Order-Id")).isEqualTo(orderId);
        assertThat(first.header("X-Hub-Signature")).matches("sha256=[0-9a-f]{64}");
        assertThat(first.headers()).as("nothing of the JMS message goes to the ERP")
                .doesNotContainKeys("Jmsxgroupid", "Hubeventtype", "Contenttype");
        TmsEvent posted = codec.readEvent(first.body(), first.header("Content-Type"));
        assertThat(posted.getEventType()).isEqualTo(EventType.ACCEPTED);
        assertThat(posted.getSequence()).isOne();
        // the same events are on erp.order-events too
        assertThat(jms.receiveSelected(TmsEventIT.ORDER_EVENTS, "HubOrderId = '" + orderId + "'")).isNotNull();
    }

    @Test
    void aBookedOrderReachesTheErpAsASignedAcceptedEvent() throws JMSException {
        String orderId = TmsEventIT.newOrderId();
        ErpClient erp = new ErpClient(jmsTemplate, 15_000);

        String correlationId = erp.send(ErpClient.sample("shipment-create.xml", orderId), null);

        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("ACCEPTED");
        Request request = ERP.awaitRequests(orderId, 1).get(0);
        assertThat(Verifier.verify(SECRET, request.header("X-Hub-Timestamp"), request.body(), request.header("X-Hub-Signature"),
                Instant.now())).isTrue();
        TmsEvent posted = codec.readEvent(request.body(), request.header("Content-Type"));
        assertThat(posted.getEventType()).isEqualTo(EventType.ACCEPTED);
        assertThat(posted.getCarrier()).isEqualTo("bring-shipment");
        assertThat(posted.getCarrierReference()).extracting(CarrierReference::getType).contains("SHIPMENT", "PACKAGE");
    }

    @Test
    void aChangedBodyOrAnotherSecretOrAnOldTimestampDoNotVerify() {
        String orderId = TmsEventIT.newOrderId();
        producer.sendBody("direct:tms-event", TmsEventIT.event(orderId, EventType.DELIVERED));
        Request request = ERP.awaitRequests(orderId, 1).get(0);
        String timestamp = request.header("X-Hub-Timestamp");
        String signature = request.header("X-Hub-Signature");
        assertThat(Verifier.verify(SECRET, timestamp, request.body(), signature, Instant.now())).isTrue();

        byte[] tampered = request.body().clone();
        int where = new String(tampered, StandardCharsets.UTF_8).indexOf("DELIVERED");
        tampered[where] = 'X';

        assertThat(Verifier.verify(SECRET, timestamp, tampered, signature, Instant.now())).as("one byte changed").isFalse();
        assertThat(Verifier.verify("another-secret", timestamp, request.body(), signature, Instant.now())).as("another secret").isFalse();
        assertThat(Verifier.verify(SECRET, timestamp, request.body(), signature, Instant.now().plus(Duration.ofMinutes(10))))
                .as("the same request, played again ten minutes later").isFalse();
    }

    @Test
    void anErpThatFailsTwiceGetsTheEventOnTheThirdPost() throws JMSException {
        String orderId = TmsEventIT.newOrderId();
        ERP.failNext(orderId, 2);

        producer.sendBody("direct:tms-event", TmsEventIT.event(orderId, EventType.IN_TRANSIT));

        List<Request> requests = ERP.awaitRequests(orderId, 3);
        assertThat(requests).extracting(Request::status).containsExactly(500, 500, 200);
        assertThat(requests).extracting(request -> request.header("X-Hub-Event-Id")).containsOnly(orderId + ":1");
        assertThat(requests).allSatisfy(request -> assertThat(
                Verifier.verify(SECRET, request.header("X-Hub-Timestamp"), request.body(), request.header("X-Hub-Signature"), Instant.now()))
                .as("each attempt is signed").isTrue());
        // an event posted after it arrives only after it: the retries held the queue
        String later = TmsEventIT.newOrderId();
        producer.sendBody("direct:tms-event", TmsEventIT.event(later, EventType.ACCEPTED));
        ERP.awaitRequests(later, 1);
        assertThat(ERP.positionOf(later)).isGreaterThan(ERP.positionOf(orderId));
        JmsTemplate brief = new JmsTemplate(jmsTemplate.getConnectionFactory());
        brief.setReceiveTimeout(500);
        assertThat(brief.receiveSelected(CALLBACK_DLQ, "HubOrderId = '" + orderId + "'")).as("delivered, not dead").isNull();
    }

    @Test
    void anEventDeliveredTooOftenIsDeadLetteredWithoutAPost() throws Exception {
        String orderId = TmsEventIT.newOrderId();
        String correlationId = "DL-" + orderId;
        String body = "an event the hub died on";
        camel.getRouteController().stopRoute("tms-event-callback");
        try {
            jms.send("hub.event-callbacks", session -> {
                TextMessage event = session.createTextMessage(body);
                event.setJMSCorrelationID(correlationId);
                event.setStringProperty("HubOrderId", orderId);
                return event;
            });
            DeliveryLimitIT.rollBack(jms.getConnectionFactory(), "hub.event-callbacks", correlationId, 2);
        } finally {
            camel.getRouteController().startRoute("tms-event-callback");
        }

        Message dead = jms.receiveSelected(CALLBACK_DLQ, "HubOrderId = '" + orderId + "'");
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("DELIVERY_LIMIT");
        assertThat(dead.getStringProperty("HubErrorReason")).contains("delivered 3 times");
        assertThat(((TextMessage) dead).getText()).isEqualTo(body);
        assertThat(ERP.requests(orderId)).as("never posted").isEmpty();
    }

    @Test
    void anErpThatKeepsFailingHasTheEventDeadLetteredWithTheReason() throws JMSException {
        String orderId = TmsEventIT.newOrderId();
        ERP.failNext(orderId, Integer.MAX_VALUE);

        producer.sendBody("direct:tms-event", TmsEventIT.event(orderId, EventType.DEVIATION));

        Message dead = jms.receiveSelected(CALLBACK_DLQ, "HubOrderId = '" + orderId + "'");
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("CALLBACK_FAILED");
        assertThat(dead.getStringProperty("HubErrorReason")).contains("HTTP 500", "/erp/tms-events", "the ERP is down");
        assertThat(dead.getStringProperty("HubOriginQueue")).isEqualTo("hub.event-callbacks");
        assertThat(dead.getStringProperty("HubFailedRoute")).isEqualTo("tms-event-callback");
        assertThat(dead.getStringProperty("HubFailedAt")).isNotBlank();
        assertThat(dead.getStringProperty("HubEventId")).isEqualTo(orderId + ":1");
        assertThat(((TextMessage) dead).getText()).contains("<eventType>DEVIATION</eventType>", "<sequence>1</sequence>");
        assertThat(ERP.requests(orderId)).hasSize(ATTEMPTS).extracting(Request::status).containsOnly(500);
    }

    /**
     * What the ERP does with a request (docs/operations.md): refuse one older than five minutes, compute the HMAC of
     * "timestamp.body" with the shared secret and compare it in constant time.
     */
    static final class Verifier {

        static final Duration TOLERANCE = Duration.ofMinutes(5);

        static boolean verify(String secret, String timestamp, byte[] body, String signature, Instant now) {
            if (timestamp == null || signature == null
                    || Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs().compareTo(TOLERANCE) > 0) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
                byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.UTF_8);
                return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record Request(Map<String, List<String>> headers, byte[] body, int status) {

        String header(String name) {
            List<String> values = headers.get(name.substring(0, 1).toUpperCase() + name.substring(1).toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    /**
     * The ERP's callback endpoint: answers 401 to a request whose signature does not verify, 500 while an order is told
     * to fail, else 200; and keeps every request, in the order they came.
     */
    static final class Erp {

        final HttpServer server;
        final List<Map.Entry<String, Request>> requests = new CopyOnWriteArrayList<>();
        final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();

        private Erp(HttpServer server) {
            this.server = server;
        }

        static Erp start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                Erp erp = new Erp(server);
                server.createContext("/erp/tms-events", erp::handle);
                server.start();
                return erp;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return server.getAddress().getPort();
        }

        void failNext(String orderId, int times) {
            failuresLeft.put(orderId, times);
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String orderId = exchange.getRequestHeaders().getFirst("X-Hub-Order-Id");
            boolean verified = Verifier.verify(SECRET, exchange.getRequestHeaders().getFirst("X-Hub-Timestamp"), body,
                    exchange.getRequestHeaders().getFirst("X-Hub-Signature"), Instant.now());
            int status = !verified ? 401 : failuresLeft.getOrDefault(orderId, 0) > 0 ? 500 : 200;
            failuresLeft.computeIfPresent(orderId, (order, left) -> status == 500 ? left - 1 : left);
            requests.add(Map.entry(String.valueOf(orderId), new Request(Map.copyOf(exchange.getRequestHeaders()), body, status)));
            byte[] answer = (status == 500 ? "the ERP is down for maintenance" : "").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        }

        List<Request> requests(String orderId) {
            return requests.stream().filter(entry -> entry.getKey().equals(orderId)).map(Map.Entry::getValue).toList();
        }

        List<Request> awaitRequests(String orderId, int count) {
            await().atMost(Duration.ofSeconds(20)).until(() -> requests(orderId).size() >= count);
            return requests(orderId);
        }

        int positionOf(String orderId) {
            for (int i = 0; i < requests.size(); i++) {
                if (requests.get(i).getKey().equals(orderId)) {
                    return i;
                }
            }
            return -1;
        }
    }
}

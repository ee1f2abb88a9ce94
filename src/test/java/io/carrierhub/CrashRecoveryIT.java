package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.bring.shipment.sandbox.BringShipmentSandbox;
import io.carrierhub.ledger.LedgerStatus;
import io.carrierhub.ledger.OrderLedger;
import io.carrierhub.messaging.SharedIdempotentRepository;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.OrderMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * The hub died after taking an order (idempotency key stored, ledger RECEIVED) but before answering it; the
 * broker gives the order again. The hub must take it up again rather than drop it as a copy.
 */
@HubTest
class CrashRecoveryIT {

    static final String LANE = "lane-bring-shipment";

    @Autowired
    CamelContext camel;
    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    SharedIdempotentRepository orderIdempotency;
    @Autowired
    OrderLedger ledger;
    @Autowired
    OrderCodec orderCodec;
    @Autowired
    BringShipmentSandbox sandbox;

    @AfterEach
    void restartRoutes() throws Exception {
        camel.getRouteController().startRoute("intake");
        camel.getRouteController().startRoute(LANE);
    }

    @Test
    void anOrderTheHubNeverAnsweredIsTakenUpAgainWhenTheBrokerRedeliversIt() throws Exception {
        String orderId = "CR-" + UUID.randomUUID().toString().substring(0, 8);
        String body = ErpClient.sample("shipment-create.xml", orderId);
        OrderMessage order = orderCodec.read(body.getBytes(StandardCharsets.UTF_8), null);
        camel.getRouteController().stopRoute("intake");

        // what the hub had done when it died: the order taken, nothing answered
        orderIdempotency.add(order.idempotencyKey());
        ledger.received(order);
        ErpClient erp = new ErpClient(jmsTemplate, 15_000);
        String correlationId = erp.send(body, null);
        rollBackOneDelivery();

        camel.getRouteController().startRoute("intake");

        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("ACCEPTED");
        assertThat(sandbox.shipments()).filteredOn(s -> orderId.equals(s.sendersReference())).hasSize(1);
        assertThat(ledger.find(orderId).orElseThrow().status()).isEqualTo(LedgerStatus.ACCEPTED);
    }

    @Test
    void anOrderTheLaneAnsweredBeforeTheHubDiedIsAnsweredAgainWithoutASecondCall() throws Exception {
        String orderId = "CR-" + UUID.randomUUID().toString().substring(0, 8);
        String body = ErpClient.sample("shipment-create.xml", orderId);
        OrderMessage order = orderCodec.read(body.getBytes(StandardCharsets.UTF_8), null);
        camel.getRouteController().stopRoute(LANE);

        // what the lane had done when it died: Bring booked, the ledger written, the JMS transaction not committed
        ledger.received(order);
        ledger.accepted(order, List.of(CarrierReferences.of("SHIPMENT", "70438101234567895")));
        String correlationId = UUID.randomUUID().toString();
        jmsTemplate.send("carrier.bring-shipment", session -> {
            TextMessage message = session.createTextMessage(body);
            message.setJMSCorrelationID(correlationId);
            return message;
        });
        rollBackOneDelivery("carrier.bring-shipment");
        long calls = sandbox.requestCount();

        camel.getRouteController().startRoute(LANE);

        String answer = new ErpClient(jmsTemplate, 15_000).receiveText(ErpClient.ORDER_STATUS, correlationId);
        assertThat(answer).contains("ACCEPTED", "70438101234567895", "<repeat>true</repeat>");
        assertThat(sandbox.requestCount()).as("calls to Bring").isEqualTo(calls);
    }

    private void rollBackOneDelivery() throws Exception {
        rollBackOneDelivery(ErpClient.ORDERS);
    }

    /** A consumer that dies with the message in hand: the broker marks it redelivered and gives it again. */
    private void rollBackOneDelivery(String queue) throws Exception {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            connection.start();
            Message taken = consumer.receive(10_000);
            assertThat(taken).isNotNull();
            session.rollback();
        }
    }
}

package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.bring.shipment.sandbox.BringShipmentSandbox;
import io.carrierhub.ledger.LedgerStatus;
import io.carrierhub.ledger.OrderLedger;
import io.carrierhub.ops.DeadLetters;
import io.carrierhub.ops.BrokerQueues;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;

/** Dead letters back to their queues: through the actuator endpoint as a script calls it, and on the broker itself. */
@HubTest
class DeadLetterReplayIT {

    static final String BRING_DLQ = ErpClient.laneDlq("bring-shipment");

    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    BringShipmentSandbox sandbox;
    @Autowired
    OrderLedger ledger;
    @LocalServerPort
    int port;

    ErpClient erp;
    ConsoleClient console;

    @BeforeEach
    void connect() {
        erp = new ErpClient(jmsTemplate, 20_000);
        console = new ConsoleClient(port);
    }

    @AfterEach
    void healSandbox() {
        sandbox.faults().reset();
    }

    @Test
    void aRefusedOrderReplayedFromTheEndpointIsBookedOnce() throws Exception {
        String orderId = "REPLAY-" + UUID.randomUUID().toString().substring(0, 8);
        sandbox.faults().failNext(1, 417);
        String correlationId = erp.send(ErpClient.sample("shipment-create.xml", orderId), null);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("REJECTED");
        assertThat(console.get("/actuator/deadletters").body()).contains("\"" + BRING_DLQ + "\":");

        var replayed = console.post("/actuator/deadletters", "{\"orderId\": \"" + orderId + "\"}");

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo("{\"" + BRING_DLQ + "\":1}");
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("<outcome>ACCEPTED</outcome>");
        assertThat(ledger.find(orderId).orElseThrow().status()).isEqualTo(LedgerStatus.ACCEPTED);
        assertThat(erp.nothingOn(ErpClient.ORDER_STATUS, correlationId)).as("one answer to the replay").isTrue();
        assertThat(erp.nothingOn(BRING_DLQ, correlationId)).isTrue();
        assertThat(console.post("/actuator/deadletters", "{\"orderId\": \"" + orderId + "\"}").body())
                .as("nothing left to replay").isEqualTo("{}");
    }

    @Test
    void aReplayMovesTheChosenDeadLettersBackWithoutTheirFailureHeaders() throws Exception {
        String queue = "ops.replay-test." + UUID.randomUUID().toString().substring(0, 8);
        DeadLetters deadLetters = new DeadLetters(connectionFactory, List.of(queue), new BrokerQueues(connectionFactory));
        deadLetter("DLQ." + queue, queue, "SO-1", "CARRIER_VALIDATION", "<createOrder>1</createOrder>");
        deadLetter("DLQ." + queue, queue, "SO-2", "SCHEMA_INVALID", "<createOrder>2</createOrder>");
        deadLetter("DLQ." + queue, queue, "SO-3", "CARRIER_VALIDATION", "<createOrder>3</createOrder>");
        assertThat(deadLetters.depths()).isEqualTo(Map.of("DLQ." + queue, 3L));

        assertThat(deadLetters.replay("SO-3", "CARRIER_VALIDATION")).isEqualTo(Map.of("DLQ." + queue, 1));
        assertThat(deadLetters.replay(null, "CARRIER_VALIDATION")).isEqualTo(Map.of("DLQ." + queue, 1));
        assertThat(deadLetters.depths()).isEqualTo(Map.of("DLQ." + queue, 1L));

        JmsTemplate reader = new JmsTemplate(connectionFactory);
        reader.setReceiveTimeout(5_000);
        TextMessage third = (TextMessage) reader.receive(queue);
        TextMessage first = (TextMessage) reader.receive(queue);
        assertThat(reader.receiveSelected(queue, "HubOrderId = 'SO-2'")).as("SCHEMA_INVALID stays dead").isNull();
        assertThat(third.getText()).isEqualTo("<createOrder>3</createOrder>");
        assertThat(first.getText()).isEqualTo("<createOrder>1</createOrder>");
        assertThat(first.getJMSCorrelationID()).isEqualTo("corr-SO-1");
        assertThat(first.getStringProperty("contentType")).isEqualTo("application/xml");
        assertThat(first.getStringProperty("JMSXGroupID")).isEqualTo("SO-1");
        List<String> properties = Collections.list((java.util.Enumeration<String>) first.getPropertyNames());
        assertThat(properties).noneMatch(name -> name.startsWith("HubError") || name.equals("HubOriginQueue")
                || name.equals("HubFailedRoute") || name.equals("HubFailedAt"));
    }

    private void deadLetter(String deadLetterQueue, String origin, String orderId, String errorCode, String body) {
        jmsTemplate.send(deadLetterQueue, session -> {
            Message message = session.createTextMessage(body);
            message.setJMSCorrelationID("corr-" + orderId);
            message.setStringProperty("contentType", "application/xml");
            message.setStringProperty("JMSXGroupID", orderId);
            message.setStringProperty("HubOrderId", orderId);
            message.setStringProperty("HubOriginQueue", origin);
            message.setStringProperty("HubErrorCode", errorCode);
            message.setStringProperty("HubErrorReason", "refused");
            message.setStringProperty("HubFailedRoute", "lane-test");
            message.setStringProperty("HubFailedAt", "2036-01-01T00:00:00.000Z");
            return message;
        });
    }
}

package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.bring.shipment.sandbox.BringShipmentSandbox;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

/**
 * A message delivered more often than hub.intake.max-deliveries is dead-lettered at its next delivery, never handled:
 * what a message on which the hub died every time looks like when the hub starts again (its embedded broker died with
 * it, so no delivery was ever cancelled and the broker's own limit never applied). Here the deliveries before are
 * another consumer's, rolled back while the hub's route was stopped: the count the hub sees is the broker's, as after
 * a crash (persist-delivery-count-before-delivery). The same holds for the internal queues of events told to carriers.
 */
class DeliveryLimitIT {

    static final int MAX_DELIVERIES = 2;

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext hub;
    static ErpClient erp;

    @BeforeAll
    static void start() throws Exception {
        hub = new SpringApplicationBuilder(HubApplication.class).profiles("test").run("--hub.data-dir=" + dataDir,
                "--hub.broker.in-vm-id=42", "--hub.intake.max-deliveries=" + MAX_DELIVERIES,
                "--hub.sandbox.bring-shipment.port=" + BringTrackingPollIT.freePort(),
                "--hub.test.second-bring-port=" + BringTrackingPollIT.freePort(), "--hub.sandbox.drivoo.port=0",
                "--hub.sandbox.bring-po.port=0", "--hub.sandbox.bringg.tls-port=0");
        erp = new ErpClient(hub.getBean(JmsTemplate.class), 20_000);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void anOrderDeliveredTooOftenIsDeadLetteredByTheIntakeWithTheReason() throws Exception {
        String orderId = "DL-INTAKE";
        String body = ErpClient.sample("shipment-create.xml", orderId);
        String correlationId;
        try (Stopped intake = new Stopped("intake")) {
            correlationId = erp.send(body, "application/xml");
            rollBack(ErpClient.ORDERS, correlationId, MAX_DELIVERIES);
        }

        assertDeadLettered(ErpClient.ORDERS_DLQ, correlationId, body);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("REJECTED", "DELIVERY_LIMIT");
        assertThat(hub.getBean(BringShipmentSandbox.class).shipments())
                .noneMatch(shipment -> orderId.equals(shipment.sendersReference()));
    }

    @Test
    void anOrderDeliveredTooOftenIsDeadLetteredByItsLane() throws Exception {
        String orderId = "DL-LANE";
        String correlationId;
        try (Stopped lane = new Stopped("lane-bring-shipment")) {
            correlationId = erp.send(ErpClient.sample("shipment-create.xml", orderId), "application/xml");
            rollBack("carrier.bring-shipment", correlationId, MAX_DELIVERIES);
        }

        Message dead = assertDeadLettered(ErpClient.laneDlq("bring-shipment"), correlationId, null);
        assertThat(((TextMessage) dead).getText()).contains(orderId);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("REJECTED", "DELIVERY_LIMIT");
        assertThat(hub.getBean(BringShipmentSandbox.class).shipments())
                .noneMatch(shipment -> orderId.equals(shipment.sendersReference()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bring-po-events, hub.bring-po-events", "bringg-fleet, bringg.fleet"})
    void anEventDeliveredTooOftenIsDeadLetteredByTheRouteThatTellsCarriers(String routeId, String queue) throws Exception {
        String correlationId = "DL-" + routeId;
        String body = "an event the hub died on";
        try (Stopped route = new Stopped(routeId)) {
            hub.getBean(JmsTemplate.class).send(queue, session -> {
                TextMessage event = session.createTextMessage(body);
                event.setJMSCorrelationID(correlationId);
                return event;
            });
            rollBack(queue, correlationId, MAX_DELIVERIES);
        }

        assertDeadLettered("DLQ." + queue, correlationId, body);
    }

    private static Message assertDeadLettered(String dlq, String correlationId, String body) throws Exception {
        Message dead = erp.receive(dlq, correlationId);
        assertThat(dead).as("message on " + dlq).isNotNull();
        if (body != null) {
            assertThat(((TextMessage) dead).getText()).isEqualTo(body);
        }
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("DELIVERY_LIMIT");
        assertThat(dead.getStringProperty("HubErrorReason"))
                .contains("delivered " + (MAX_DELIVERIES + 1) + " times", "hub.intake.max-deliveries (" + MAX_DELIVERIES + ")");
        return dead;
    }

    private static void rollBack(String queue, String correlationId, int times) throws Exception {
        rollBack(hub.getBean(JmsTemplate.class).getConnectionFactory(), queue, correlationId, times);
    }

    /** Takes the message from the queue and rolls it back, {@code times} times: each a delivery the broker counts. */
    static void rollBack(ConnectionFactory factory, String queue, String correlationId, int times) throws Exception {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            for (int delivery = 1; delivery <= times; delivery++) {
                try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                     MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                             "JMSCorrelationID = '" + correlationId + "'")) {
                    Message message = consumer.receive(20_000);
                    assertThat(message).as("delivery " + delivery + " on " + queue).isNotNull();
                    assertThat(message.getIntProperty("JMSXDeliveryCount")).isEqualTo(delivery);
                    session.rollback();
                }
            }
        }
    }

    /** A route of the hub stopped for a while, started again on close. */
    private record Stopped(String routeId) implements AutoCloseable {
        Stopped {
            try {
                hub.getBean(CamelContext.class).getRouteController().stopRoute(routeId);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            hub.getBean(CamelContext.class).getRouteController().startRoute(routeId);
        }
    }
}

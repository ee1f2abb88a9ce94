package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carrierhub.bring.po.sandbox.BringPoSandbox;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * The Bring Purchase Order sender status poll end to end, in a hub of its own with the poll on every second and the
 * sandbox locking a purchase order 3 s after its creation: purchase orders booked over SOAP and over REST XML each
 * give one ASSIGNED event (carrierStatus LOCKED) on erp.order-events and are no longer asked about; one Bring no
 * longer knows gives one DEVIATION (NOT_FOUND).
 */
class BringPoSenderStatusPollIT {

    @TempDir
    Path dataDir;

    @Test
    void aPurchaseOrderThatBringLocksOrForgetsGivesOneEventAndIsNoLongerPolled() throws Exception {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).profiles("test").run(
                "--hub.data-dir=" + dataDir, "--hub.broker.in-vm-id=26",
                "--hub.sandbox.bring-shipment.port=" + BringTrackingPollIT.freePort(),
                "--hub.test.second-bring-port=" + BringTrackingPollIT.freePort(), "--hub.sandbox.drivoo.port=0", "--hub.sandbox.bringg.tls-port=0",
                "--hub.sandbox.bring-po.port=" + BringTrackingPollIT.freePort(),
                "--hub.poll-scheduler.name=po-status-it-" + UUID.randomUUID(),
                "--hub.polls.bring-po-sender-status.enabled=true", "--hub.polls.bring-po-sender-status.cron=0/1 * * * * ?",
                "--hub.sandbox.bring-po.lock-after=3s")) {
            ErpClient erp = new ErpClient(hub.getBean(JmsTemplate.class), 15_000);
            OrderCodec codec = hub.getBean(OrderCodec.class);
            BringPoSandbox bring = hub.getBean(BringPoSandbox.class);
            JdbcTemplate ledger = hub.getBean(JdbcTemplate.class);
            String overSoap = newOrderId();
            String overRest = newOrderId();

            assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(BringPoIT.sample("bring-po-create.xml", overSoap),
                    "application/xml"))).contains("<outcome>ACCEPTED</outcome>");
            assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(BringPoIT.sample("bring-po-create.xml", overRest)
                    .replace(">bring-po<", ">bring-po-rest<"), "application/xml"))).contains("<outcome>ACCEPTED</outcome>");

            for (String orderId : new String[] {overSoap, overRest}) {
                assertThat(event(erp, codec, orderId).getEventType()).isEqualTo(EventType.ACCEPTED);
                TmsEvent locked = event(erp, codec, orderId);
                assertThat(locked.getEventType()).isEqualTo(EventType.ASSIGNED);
                assertThat(locked.getCarrierStatus()).isEqualTo("LOCKED");
                assertThat(locked.getSequence()).isEqualTo(2L);
                assertThat(locked.getCarrierReference()).anySatisfy(reference ->
                        assertThat(reference.getValue()).isEqualTo(orderId));
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ledger.queryForMap(
                        "SELECT carrier_status, polls_ended_at FROM hub_order WHERE order_id = ?", orderId))
                        .containsEntry("CARRIER_STATUS", "LOCKED").extractingByKey("POLLS_ENDED_AT").isNotNull());
            }
            assertThat(statusCalls(bring, "/po/api/ws", overSoap)).isPositive();
            assertThat(statusCalls(bring, "/po/api/v1/senderStatus/", overRest)).isPositive();

            String forgotten = newOrderId();
            assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(BringPoIT.sample("bring-po-create.xml", forgotten),
                    "application/xml"))).contains("<outcome>ACCEPTED</outcome>");
            assertThat(event(erp, codec, forgotten).getEventType()).isEqualTo(EventType.ACCEPTED);
            bring.reset();
            TmsEvent notFound = event(erp, codec, forgotten);
            assertThat(notFound.getEventType()).isEqualTo(EventType.DEVIATION);
            assertThat(notFound.getCarrierStatus()).isEqualTo("NOT_FOUND");
            assertThat(notFound.getNote()).contains(forgotten);

            long soapAsked = statusCalls(bring, "/po/api/ws", overSoap);
            long restAsked = statusCalls(bring, "/po/api/v1/senderStatus/", overRest);
            long forgottenAsked = statusCalls(bring, "/po/api/ws", forgotten);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                    statusCalls(bring, "/po/api/ws", overSoap) == soapAsked
                            && statusCalls(bring, "/po/api/v1/senderStatus/", overRest) == restAsked
                            && statusCalls(bring, "/po/api/ws", forgotten) == forgottenAsked);
            JmsTemplate brief = new JmsTemplate(hub.getBean(JmsTemplate.class).getConnectionFactory());
            brief.setReceiveTimeout(1_000);
            for (String orderId : new String[] {overSoap, overRest, forgotten}) {
                assertThat(brief.receiveSelected(ErpClient.ORDER_EVENTS, "HubOrderId = '" + orderId + "'"))
                        .as("no second status event of %s", orderId).isNull();
            }
        }
    }

    private static TmsEvent event(ErpClient erp, OrderCodec codec, String orderId) throws Exception {
        String event = erp.receiveEvent(orderId);
        assertThat(event).as("an event of order %s", orderId).isNotNull();
        return codec.readEvent(event.getBytes(StandardCharsets.UTF_8), "application/xml");
    }

    /** The sandbox's GetSenderStatus calls about this purchase order, over SOAP or at the REST resource. */
    private static long statusCalls(BringPoSandbox bring, String path, String orderId) {
        return bring.requests().matching(path).stream()
                .filter(request -> path.endsWith("/") ? request.path().endsWith("/" + orderId)
                        : request.body().contains("GetSenderStatusRequest") && request.body().contains(orderId))
                .count();
    }

    private static String newOrderId() {
        return "POS-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

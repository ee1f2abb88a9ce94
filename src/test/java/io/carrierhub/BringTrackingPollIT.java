package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carrierhub.bring.shipment.sandbox.BringShipmentSandbox;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.sandbox.RecordedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * The Bring Tracking poll end to end, in a hub of its own with the poll on every second: an order booked at the Bring
 * sandbox, whose tracking events advance every second, comes out on erp.order-events as its TMS events, once each
 * and in order, until it is delivered; then it is no longer polled.
 */
class BringTrackingPollIT {

    @TempDir
    Path dataDir;

    @Test
    void aBookedShipmentsTrackingEventsBecomeTmsEventsUntilItIsDelivered() throws Exception {
        String orderId = "TRK-" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext hub = hubPollingEverySecond(21,
                "--hub.sandbox.bring-shipment.tracking[0].status=PRE_NOTIFIED", "--hub.sandbox.bring-shipment.tracking[0].after=0s",
                "--hub.sandbox.bring-shipment.tracking[1].status=HANDED_IN", "--hub.sandbox.bring-shipment.tracking[1].after=1s",
                "--hub.sandbox.bring-shipment.tracking[2].status=IN_TRANSIT", "--hub.sandbox.bring-shipment.tracking[2].after=2s",
                "--hub.sandbox.bring-shipment.tracking[3].status=DEVIATION", "--hub.sandbox.bring-shipment.tracking[3].after=3s",
                "--hub.sandbox.bring-shipment.tracking[4].status=DELIVERED", "--hub.sandbox.bring-shipment.tracking[4].after=4s")) {
            ErpClient erp = new ErpClient(hub.getBean(JmsTemplate.class), 15_000);
            OrderCodec codec = hub.getBean(OrderCodec.class);
            BringShipmentSandbox bring = hub.getBean(BringShipmentSandbox.class);
            JdbcTemplate ledger = hub.getBean(JdbcTemplate.class);

            String correlationId = erp.send(ErpClient.sample("shipment-create.xml", orderId), null);
            assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("ACCEPTED");

            List<TmsEvent> events = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String event = erp.receiveEvent(orderId);
                assertThat(event).as("event %d of order %s", i + 1, orderId).isNotNull();
                events.add(codec.readEvent(event.getBytes(StandardCharsets.UTF_8), "application/xml"));
            }
            assertThat(events).extracting(TmsEvent::getEventType).containsExactly(EventType.ACCEPTED, EventType.CREATED,
                    EventType.PICKED_UP, EventType.IN_TRANSIT, EventType.DEVIATION, EventType.DELIVERED);
            assertThat(events).extracting(TmsEvent::getCarrierStatus)
                    .containsExactly(null, "PRE_NOTIFIED", "HANDED_IN", "IN_TRANSIT", "DEVIATION", "DELIVERED");
            assertThat(events).extracting(TmsEvent::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            String shipment = bring.shipments().get(bring.shipments().size() - 1).shipmentId();
            assertThat(events.get(5).getCarrierReference()).anySatisfy(reference ->
                    assertThat(reference.getValue()).isEqualTo(shipment));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ledger.queryForMap(
                    "SELECT carrier_status, polls_ended_at FROM hub_order WHERE order_id = ?", orderId))
                    .containsEntry("CARRIER_STATUS", "DELIVERED").extractingByKey("POLLS_ENDED_AT").isNotNull());
            long asked = trackingCalls(bring, shipment);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> trackingCalls(bring, shipment) == asked);
            JmsTemplate brief = new JmsTemplate(hub.getBean(JmsTemplate.class).getConnectionFactory());
            brief.setReceiveTimeout(1_000);
            assertThat(brief.receiveSelected(ErpClient.ORDER_EVENTS, "HubOrderId = '" + orderId + "'"))
                    .as("no event twice").isNull();
        }
    }

    @Test
    void aRunAsksBringAboutItsOrdersAtThePollsPace() throws Exception {
        // 2 orders in any second at most; the shipments never delivered
        try (ConfigurableApplicationContext hub = hubPollingEverySecond(22, "--hub.polls.bring-tracking.orders-per-second=2",
                "--hub.sandbox.bring-shipment.tracking[0].status=PRE_NOTIFIED", "--hub.sandbox.bring-shipment.tracking[0].after=0s")) {
            ErpClient erp = new ErpClient(hub.getBean(JmsTemplate.class), 15_000);
            BringShipmentSandbox bring = hub.getBean(BringShipmentSandbox.class);
            for (int i = 0; i < 6; i++) {
                String correlationId = erp.send(ErpClient.sample("shipment-create.xml", "PACE-" + i + "-" + UUID.randomUUID()), null);
                assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("ACCEPTED");
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> bring.requests().matching("/tracking/").size() >= 12);
            List<Instant> asked = bring.requests().matching("/tracking/").stream().map(RecordedRequest::at).sorted()
                    .limit(12).toList();
            // 2 in any second: the 12th call comes 5 s after the first at the earliest (less the time from the first's
            // turn to its arrival). Unpaced, runs a second apart, each asking about all 6 orders, make them in 2 s.
            assertThat(Duration.between(asked.get(0), asked.get(11))).isGreaterThanOrEqualTo(Duration.ofMillis(4_500));
        }
    }

    /** A hub of its own whose tracking poll runs every second, with these settings too. */
    private ConfigurableApplicationContext hubPollingEverySecond(int inVmId, String... settings) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--hub.data-dir=" + dataDir, "--hub.broker.in-vm-id=" + inVmId,
                "--hub.sandbox.bring-shipment.port=" + freePort(), "--hub.test.second-bring-port=" + freePort(),
                "--hub.sandbox.drivoo.port=0", "--hub.sandbox.bring-po.port=0", "--hub.sandbox.bringg.tls-port=0",
                "--hub.poll-scheduler.name=tracking-it-" + UUID.randomUUID(),
                "--hub.polls.bring-tracking.enabled=true", "--hub.polls.bring-tracking.cron=0/1 * * * * ?"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(HubApplication.class).profiles("test").run(arguments.toArray(String[]::new));
    }

    private static long trackingCalls(BringShipmentSandbox bring, String shipment) {
        return bring.requests().matching("/tracking/").stream()
                .filter(request -> request.query() != null && request.query().contains(shipment)).count();
    }

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port free now, for a hub in another process to listen on; below Linux's ephemeral range (32768-60999), since a
     * port handed out for port 0 may go to an outgoing connection, the hub's own, before the hub listens on it
     * (ShutdownIT once: "Port 40509 was already in use"); and never the same twice, since nothing listens on a port
     * between its call and the hub's start (BringgSequenceIT once got one port for two sandboxes).
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 32000);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }
}

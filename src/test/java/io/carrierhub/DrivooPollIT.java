package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carrierhub.drivoo.sandbox.DrivooSandbox;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * The Drivoo course poll on the shared poll mechanism, in a hub of its own with the poll on every second: a course
 * booked at the Drivoo sandbox, which moves on every few seconds with its driver, comes out on erp.order-events as
 * TMS events with the driver and the last position, once each and in order, until it is delivered; then the course is
 * no longer asked about.
 */
class DrivooPollIT {

    @TempDir
    Path dataDir;

    @Test
    void aCoursesStateChangesBecomeTmsEventsWithItsDriverUntilItIsDelivered() throws Exception {
        String orderId = "DRV-POLL-" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).profiles("test").run(
                "--hub.data-dir=" + dataDir, "--hub.broker.in-vm-id=22",
                "--hub.sandbox.bring-shipment.port=" + BringTrackingPollIT.freePort(),
                "--hub.test.second-bring-port=" + BringTrackingPollIT.freePort(),
                "--hub.sandbox.drivoo.port=" + BringTrackingPollIT.freePort(), "--hub.sandbox.bring-po.port=0", "--hub.sandbox.bringg.tls-port=0",
                "--hub.poll-scheduler.name=drivoo-it-" + UUID.randomUUID(),
                "--hub.polls.drivoo.enabled=true", "--hub.polls.drivoo.cron=0/1 * * * * ?",
                "--hub.sandbox.drivoo.assign-after=3s", "--hub.sandbox.drivoo.pickup-after=3s",
                "--hub.sandbox.drivoo.deliver-after=3s")) {
            ErpClient erp = new ErpClient(hub.getBean(JmsTemplate.class), 15_000);
            OrderCodec codec = hub.getBean(OrderCodec.class);
            DrivooSandbox drivoo = hub.getBean(DrivooSandbox.class);
            JdbcTemplate ledger = hub.getBean(JdbcTemplate.class);

            String correlationId = erp.send(ErpClient.sample("drivoo-create.xml", orderId), null);
            assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("ACCEPTED");

            List<TmsEvent> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String event = erp.receiveEvent(orderId);
                assertThat(event).as("event %d of order %s", i + 1, orderId).isNotNull();
                events.add(codec.readEvent(event.getBytes(StandardCharsets.UTF_8), "application/xml"));
            }
            assertThat(events).extracting(TmsEvent::getEventType).containsExactly(EventType.ACCEPTED, EventType.CREATED,
                    EventType.ASSIGNED, EventType.IN_TRANSIT, EventType.DELIVERED);
            assertThat(events).extracting(TmsEvent::getCarrierStatus)
                    .containsExactly(null, "created", "assigned", "in_transit", "delivered");
            assertThat(events).extracting(TmsEvent::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L);
            for (TmsEvent moving : events.subList(2, 4)) {
                assertThat(moving.getDriver()).as("the driver of %s", moving.getEventType()).isNotNull();
                assertThat(moving.getDriver().getName()).isNotBlank();
                assertThat(moving.getLocation()).as("where the driver was at %s", moving.getEventType()).isNotNull();
            }
            String course = events.get(0).getCarrierReference().get(0).getValue();
            assertThat(events.get(4).getCarrierReference()).anySatisfy(reference -> assertThat(reference.getValue()).isEqualTo(course));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ledger.queryForMap(
                    "SELECT carrier_status, polls_ended_at FROM hub_order WHERE order_id = ?", orderId))
                    .containsEntry("CARRIER_STATUS", "delivered").extractingByKey("POLLS_ENDED_AT").isNotNull());
            long asked = courseCalls(drivoo, course);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> courseCalls(drivoo, course) == asked);
            JmsTemplate brief = new JmsTemplate(hub.getBean(JmsTemplate.class).getConnectionFactory());
            brief.setReceiveTimeout(1_000);
            assertThat(brief.receiveSelected(ErpClient.ORDER_EVENTS, "HubOrderId = '" + orderId + "'")).as("no event twice").isNull();
        }
    }

    private static long courseCalls(DrivooSandbox drivoo, String course) {
        return drivoo.requests().matching("/course/" + course).stream().filter(request -> request.method().equals("GET")).count();
    }
}

package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.TestDatabases.Database;
import io.carrierhub.bring.shipment.model.BringUpdateIndicator;
import io.carrierhub.bring.shipment.sandbox.AcceptedShipment;
import io.carrierhub.bring.shipment.sandbox.BringShipmentSandbox;
import io.carrierhub.bring.shipment.sandbox.BringShipmentSandboxProperties;
import io.carrierhub.bringg.sandbox.WebhookSender;
import io.carrierhub.drivoo.sandbox.DrivooSandbox;
import io.carrierhub.drivoo.sandbox.DrivooSandboxProperties;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hubs with the {@code cluster} profile, each a JVM of its own, on one Artemis broker made from
 * {@code docker/artemis/broker.xml} and one PostgreSQL database, booking with one Bring Shipment sandbox (in the test's
 * JVM, so that it outlives a hub): the orders are shared out between the two, each answered once and booked once;
 * a Bringg webhook is taken by either hub, and its copy sent to the other is known there; one hub killed with SIGKILL
 * mid-stream, the other finishes all the work, and the hub's number ranges keep every retry from booking twice. That
 * each status poll fires once per interval across hubs is {@link PollClusterIT}'s.
 */
class ClusterIT {

    private static final String USER = "hub";
    private static final String PASSWORD = "cluster-it-broker-password";
    private static final String WEBHOOK_KEY = "cluster-it-webhook-key";
    private static final int ORDERS = 150;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where each hub's log stays after the test, to be read when it fails. */
    private static final Path LOGS = Path.of("target", "cluster-it");

    @TempDir
    Path work;

    private final String run = "CL" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void twoHubsShareTheOrdersAndTheWebhooksAndOneFinishesTheWorkOfTheOtherKilledMidStream() throws Exception {
        Database postgres = TestDatabases.postgresql();
        BringShipmentSandbox bring = new BringShipmentSandbox(new BringShipmentSandboxProperties(true, 0,
                "sandbox@carrierhub.local", "sandbox-key", 0.0, Duration.ZERO, true));
        DrivooSandbox drivoo = new DrivooSandbox(new DrivooSandboxProperties(true, 0, "testclient", "testpass",
                Duration.ofHours(10), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(15), 30, 0.0, Duration.ZERO));
        bring.start();
        drivoo.start();
        try (ComposeBroker broker = ComposeBroker.start(work.resolve("broker"), BringTrackingPollIT.freePort(), USER, PASSWORD);
             HubProcess first = hub("hub-1", broker, postgres, bring, drivoo);
             HubProcess second = hub("hub-2", broker, postgres, bring, drivoo);
             Connection erp = new ActiveMQConnectionFactory(broker.url(), USER, PASSWORD).createConnection()) {
            first.awaitReady(Duration.ofSeconds(120));
            second.awaitReady(Duration.ofSeconds(60));
            assertThat(postgres.jdbc().queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?",
                    Integer.class, "cluster-it-" + run)).as("both hubs in the poll scheduler's cluster").isEqualTo(2);
            erp.start();
            Session session = erp.createSession(false, Session.AUTO_ACKNOWLEDGE);

            List<String> shared = send(session, "A", ORDERS);
            assertAnsweredOnceAccepted(session, shared);
            double byFirst = accepted(first);
            double bySecond = accepted(second);
            assertThat(byFirst).as("orders the first hub booked").isPositive();
            assertThat(bySecond).as("orders the second hub booked").isPositive();
            assertThat(byFirst + bySecond).as("orders booked by the two").isEqualTo(ORDERS);

            eitherHubTakesAWebhookAndKnowsTheOthersCopy(session, first, second);

            // two warm hubs book 150 orders within a second: slowed, the stream is still running when the first is killed
            bring.faults().latency(Duration.ofMillis(200));
            List<String> stream = send(session, "B", ORDERS);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> booked(bring, stream) >= ORDERS / 5);
            first.kill();
            long bookedAtKill = booked(bring, stream);
            assertThat(bookedAtKill).as("bookings of the stream when the first hub was killed").isLessThan(ORDERS);

            assertAnsweredOnceAccepted(session, stream);
            double streamBySecond = accepted(second) - bySecond;
            System.out.printf("ClusterIT: first %d orders booked by hub-1 %.0f, hub-2 %.0f; hub-1 killed when %d of the next %d were"
                    + " booked; hub-2 booked %.0f of those%n", ORDERS, byFirst, bySecond, bookedAtKill, ORDERS, streamBySecond);
            // each order answered once, by one of the two: what the second did not answer, the first did before it died
            assertThat(streamBySecond).as("orders of the stream the second hub booked")
                    .isGreaterThanOrEqualTo(ORDERS - bookedAtKill).isLessThan(ORDERS);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(List.of("erp.orders", "carrier.bring-shipment",
                    "DLQ.erp.orders", "DLQ.carrier.bring-shipment")).allSatisfy(queue ->
                    assertThat(broker.messages(queue)).as("messages left on " + queue).isZero()));
            List<String> all = new ArrayList<>(shared);
            all.addAll(stream);
            assertBookedOnceWithTheHubsNumbers(bring, all);
        } finally {
            bring.stop();
            drivoo.stop();
        }
    }

    /**
     * Delivery Created to the first hub, and the same webhook again to the second, as Bringg's retry may reach another
     * instance: answered alike, one order. Another delivery to the second hub. Both booked with Drivoo and answered.
     */
    private void eitherHubTakesAWebhookAndKnowsTheOthersCopy(Session session, HubProcess first, HubProcess second) throws Exception {
        long task = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L);
        HttpResponse<String> taken = webhook(first, task);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(taken.body());
        assertThat(answer.path("success").asBoolean()).as(taken.body()).isTrue();
        assertThat(answer.path("delivery_id").asText()).isEqualTo("bringg-sandbox-" + task);
        HttpResponse<String> copy = webhook(second, task);
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.body()).as("the copy, on the other hub").isEqualTo(taken.body());
        HttpResponse<String> another = webhook(second, task + 1);
        assertThat(another.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(another.body()).path("delivery_id").asText()).isEqualTo("bringg-sandbox-" + (task + 1));
        assertAnsweredOnceAccepted(session, List.of("bringg:sandbox:delivery-created:" + task,
                "bringg:sandbox:delivery-created:" + (task + 1)));
    }

    private HttpResponse<String> webhook(HubProcess hub, long task) throws Exception {
        return hub.post("/webhooks/bringg/delivery-created",
                Map.of("Authorization", "Bearer " + WEBHOOK_KEY, "Content-Type", "application/json"),
                WebhookSender.deliveryCreated(task, Clock.systemUTC()));
    }

    /** A hub with the cluster profile, configured as docker/compose.yaml does: by environment variables. */
    private HubProcess hub(String name, ComposeBroker broker, Database postgres, BringShipmentSandbox bring, DrivooSandbox drivoo)
            throws Exception {
        String nowhere = "127.0.0.1:" + BringTrackingPollIT.freePort(); // carriers this test does not call
        Map<String, String> environment = Map.ofEntries(
                Map.entry("SPRING_PROFILES_ACTIVE", "cluster"),
                Map.entry("HUB_BROKER_URL", broker.url()),
                Map.entry("HUB_BROKER_PASSWORD", PASSWORD),
                Map.entry("SPRING_DATASOURCE_URL", postgres.url()),
                Map.entry("SPRING_DATASOURCE_USERNAME", postgres.user()),
                Map.entry("SPRING_DATASOURCE_PASSWORD", postgres.password()),
                Map.entry("HUB_POLL_SCHEDULER_NAME", "cluster-it-" + run),
                Map.entry("BRINGG_WEBHOOK_KEYS", "sandbox=" + WEBHOOK_KEY),
                Map.entry("BRING_SHIPMENT_URL", bring.baseUrl()),
                Map.entry("BRING_TRACKING_URL", bring.address() + "/tracking/api/v2"),
                Map.entry("DRIVOO_URL", drivoo.address()),
                Map.entry("BRING_PO_URL", "http://" + nowhere + "/po"),
                Map.entry("BRINGG_URL", "https://" + nowhere));
        return HubProcess.start(name, LOGS.resolve(run + "-" + name), BringTrackingPollIT.freePort(), environment, List.of(
                // the hubs number shipments and packages: a retry after a kill meets "exists already", never books twice
                "--hub.carriers.bring-shipment.shipment-numbers.first=7098000000000000",
                "--hub.carriers.bring-shipment.shipment-numbers.last=7098000099999999",
                "--hub.carriers.bring-shipment.package-numbers.first=37098000000000000",
                "--hub.carriers.bring-shipment.package-numbers.last=37098000999999999"));
    }

    /** Drops {@code count} orders for Bring on erp.orders, each its own id as JMSCorrelationID; returns the ids. */
    private List<String> send(Session session, String batch, int count) throws Exception {
        List<String> orderIds = IntStream.range(0, count).mapToObj(i -> run + "-" + batch + i).toList();
        try (MessageProducer producer = session.createProducer(session.createQueue(ErpClient.ORDERS))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (String orderId : orderIds) {
                TextMessage order = session.createTextMessage(ErpClient.sample("shipment-create.xml", orderId));
                order.setJMSCorrelationID(orderId);
                producer.send(order);
            }
        }
        return orderIds;
    }

    /** Reads erp.order-status until each message was answered and 2 s pass without another answer: one ACCEPTED each. */
    private void assertAnsweredOnceAccepted(Session session, List<String> correlationIds) throws Exception {
        Map<String, List<String>> answers = new HashMap<>();
        String selector = "JMSCorrelationID IN ('" + String.join("', '", correlationIds) + "')";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long quietSince = System.nanoTime();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(ErpClient.ORDER_STATUS), selector)) {
            while (System.nanoTime() < deadline
                    && (answers.size() < correlationIds.size() || System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos())) {
                Message answer = consumer.receive(500);
                if (answer != null) {
                    answers.computeIfAbsent(answer.getJMSCorrelationID(), id -> new ArrayList<>()).add(((TextMessage) answer).getText());
                    quietSince = System.nanoTime();
                }
            }
        }
        assertThat(answers.keySet()).as("messages answered").containsExactlyInAnyOrderElementsOf(correlationIds);
        assertThat(answers).as("one answer each, ACCEPTED").allSatisfy((id, texts) ->
                assertThat(texts).as(id).singleElement().asString().contains("ACCEPTED"));
    }

    private static void assertBookedOnceWithTheHubsNumbers(BringShipmentSandbox bring, List<String> orderIds) {
        List<AcceptedShipment> originals = bring.shipments().stream()
                .filter(shipment -> shipment.updateIndicator() == BringUpdateIndicator.ORIGINAL && orderIds.contains(shipment.sendersReference()))
                .toList();
        assertThat(originals).as("shipments numbered by the hubs, from their range").allSatisfy(shipment ->
                assertThat(shipment.shipmentId()).startsWith("7098000"));
        Map<String, Long> bookings = originals.stream().collect(Collectors.groupingBy(AcceptedShipment::sendersReference, Collectors.counting()));
        assertThat(orderIds).as("orders booked exactly once at Bring").allSatisfy(orderId ->
                assertThat(bookings.get(orderId)).as(orderId).isEqualTo(1L));
    }

    private static double accepted(HubProcess hub) throws Exception {
        return hub.counter("hub_orders_total", "carrier=\"bring-shipment\"", "outcome=\"accepted\"");
    }

    private static long booked(BringShipmentSandbox bring, List<String> orderIds) {
        return bring.shipments().stream().filter(shipment -> orderIds.contains(shipment.sendersReference())).count();
    }
}

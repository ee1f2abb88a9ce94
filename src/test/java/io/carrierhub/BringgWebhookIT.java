package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.bringg.sandbox.BringgSandbox;
import io.carrierhub.bringg.sandbox.WebhookSender;
import io.carrierhub.order.model.Driver;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.sandbox.SandboxControl;
import io.carrierhub.xml.XmlDates;
import jakarta.jms.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * Bringg's webhooks on the shared hub: Delivery Created becomes an order on the configured carrier's lane (Drivoo's
 * sandbox books it), answered with the hub's id; a copy is answered again and queues nothing; a missing or wrong key,
 * a truncated, null or oversized body is refused with its status and queues nothing; both Shared Location Created
 * shapes become TMS events with the tracking link; a driver-API call Bringg refuses with 403 is dead-lettered with
 * Bringg's message.
 */
@HubTest
class BringgWebhookIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sandbox-webhook-key";

    @LocalServerPort
    int port;
    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BringgSandbox bringg;
    @Autowired
    ProducerTemplate producer;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCreatedDeliveryIsBookedWithTheCarrierAndACopyIsAnsweredWithoutASecondOrder() throws Exception {
        long task = task();
        String body = delivery(task);
        HttpResponse<String> first = post("delivery-created", KEY, body, "application/json; charset=utf-8");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(first.body());
        assertThat(answer.path("success").asBoolean()).isTrue();
        assertThat(answer.path("delivery_id").isTextual()).as("delivery_id is a string").isTrue();
        assertThat(answer.path("delivery_id").asText()).isEqualTo("bringg-sandbox-" + task);

        ErpClient erp = new ErpClient(jms, 15_000);
        String correlation = "bringg:sandbox:delivery-created:" + task;
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlation)).contains("ACCEPTED").contains("COURSE");

        HttpResponse<String> copy = post("delivery-created", KEY, body, "application/json");
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.body()).isEqualTo(first.body());
        assertThat(erp.nothingOn(ErpClient.ORDER_STATUS, correlation)).as("a copy books nothing").isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bringg_delivery WHERE task_id = ?", Integer.class, task)).isEqualTo(1);
    }

    @Test
    void aDeliveryTheCarrierCannotTakeIsAnswered200WithSuccessFalse() throws Exception {
        long task = task();
        String noPickupTime = delivery(task).replaceAll("\"(scheduled_at|no_earlier_than)\": \"[^\"]+\",", "");
        HttpResponse<String> answer = post("delivery-created", KEY, noPickupTime, "application/json");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("success").asBoolean(true)).isFalse();
        assertThat(JSON.readTree(answer.body()).path("error_message").asText()).contains("date_dispo");
        assertThat(noTrace(task)).isTrue();
    }

    @Test
    void aMissingOrWrongKeyIsRefusedAndNothingIsQueued() throws Exception {
        long task = task();
        assertThat(post("delivery-created", null, delivery(task), "application/json").statusCode()).isEqualTo(401);
        assertThat(post("delivery-created", "not-the-key-at-all", delivery(task), "application/json").statusCode()).isEqualTo(403);
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(uri("delivery-created")).header("Authorization", "Basic " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(delivery(task))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(noTrace(task)).isTrue();
    }

    @Test
    void truncatedNullAndOversizedBodiesAreRefusedWithAReason() throws Exception {
        long task = task();
        String whole = delivery(task);
        HttpResponse<String> truncated = post("delivery-created", KEY, whole.substring(0, whole.length() / 2), "application/json");
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(truncated.body()).path("error_message").asText()).contains("truncated or malformed");
        assertThat(post("delivery-created", KEY, "null", "application/json").statusCode()).isEqualTo(400);
        assertThat(post("delivery-created", KEY, "{\"title\": \"no id\"}", "application/json").statusCode()).isEqualTo(400);
        assertThat(post("delivery-created", KEY, whole, "text/plain").statusCode()).isEqualTo(415);
        String oversized = whole.replace("\"title\": \"Bouquet\"", "\"title\": \"" + "x".repeat(1_100_000) + "\"");
        assertThat(post("delivery-created", KEY, oversized, "application/json").statusCode()).isEqualTo(413);
        assertThat(post("no-such-event", KEY, whole, "application/json").statusCode()).isEqualTo(404);
        assertThat(noTrace(task)).isTrue();
    }

    @Test
    void bothSharedLocationShapesBecomeTmsEventsWithTheTrackingLink() throws Exception {
        long task = booked();
        String orderId = "bringg-sandbox-" + task;
        String first = """
                {"shared_location": {"monitor_url": "https://us2-realtime.bringg.com", "id": %d, "uuid": "UoJ2ahHW", "expired": false,
                 "user_id": 599609, "task_id": %d, "url": "https://app.bringg.com/sen.html?UoJ2ahHW&e=6", "shared_type": 1},
                 "way_point": {"id": 14751552, "task_id": %d}, "task_external_id": "ext123", "phone": "+155555555555", "email": null}"""
                .formatted(task + 1, task, task);
        String second = """
                {"shared_location": {"id": %d, "expired": null, "user_id": null, "task_id": null, "task": {"id": %d, "external_id": "H834-j12"},
                 "way_point_id": 12345, "uuid": "eKRB9Gf", "url": "https://c.bringg.com/#/eKRB9Gf/&e=6"},
                 "webhook_type": "shared_location_created", "merchant_id": 12362}""".formatted(task + 2, task);
        assertThat(post("shared-location-created", KEY, first, "application/json").body()).contains("\"success\":true");
        assertThat(post("shared-location-created", KEY, second, "application/json").body()).contains("\"success\":true");
        ErpClient erp = new ErpClient(jms, 10_000);
        String links = "";
        for (int i = 0; i < 2; i++) {
            String event = erp.receiveEvent(orderId);
            assertThat(event).isNotNull();
            links += event;
        }
        assertThat(links).contains("https://app.bringg.com/sen.html?UoJ2ahHW&amp;e=6").contains("https://c.bringg.com/#/eKRB9Gf/&amp;e=6");
        // the same shared location again: a copy, no third event
        assertThat(post("shared-location-created", KEY, second, "application/json").body()).contains("\"success\":true");
        assertThat(new ErpClient(jms, 2_000).receiveEvent(orderId)).isNull();
    }

    @Test
    void aCallBringgRefusesWith403IsDeadLetteredWithBringgsMessage() throws Exception {
        long task = booked();
        String orderId = "bringg-sandbox-" + task;
        new SandboxControl(bringg.address()).reset();
        // the task is no longer the fleet's at Bringg: assign_driver meets a 403
        producer.sendBody("direct:tms-event", assigned(orderId));
        JmsTemplate dlq = new JmsTemplate(jms.getConnectionFactory());
        dlq.setReceiveTimeout(10_000);
        Message dead = dlq.receiveSelected("DLQ.bringg.fleet", "HubOrderId = '" + orderId + "'");
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("CARRIER_VALIDATION");
        assertThat(dead.getStringProperty("HubErrorReason")).contains("403").contains("is not one of this fleet's");
        assertThat(jdbc.queryForObject("SELECT outcome FROM bringg_call WHERE order_id = ?", String.class, orderId)).isEqualTo("DEAD");
    }

    /** A delivery booked with the carrier through a Delivery Created, its task known to the Bringg sandbox. */
    private long booked() throws Exception {
        long task = task();
        assertThat(post("delivery-created", KEY, delivery(task), "application/json").body()).contains("\"success\":true");
        ErpClient erp = new ErpClient(jms, 15_000);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, "bringg:sandbox:delivery-created:" + task)).contains("ACCEPTED");
        assertThat(erp.receiveEvent("bringg-sandbox-" + task)).contains("ACCEPTED");
        return task;
    }

    private long task() {
        long task = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L);
        new SandboxControl(bringg.address()).post("bringg", "task?id=" + task);
        return task;
    }

    static TmsEvent assigned(String orderId) {
        TmsEvent event = new TmsEvent();
        event.setOrderId(orderId);
        event.setCarrier("drivoo");
        event.setEventType(EventType.ASSIGNED);
        event.setCarrierStatus("assigned");
        event.setOccurredAt(XmlDates.now(Clock.systemUTC()));
        Driver driver = new Driver();
        driver.setName("Hugo Lefebvre");
        driver.setPhone("+33651451201");
        event.setDriver(driver);
        return event;
    }

    private boolean noTrace(long task) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bringg_delivery WHERE task_id = ?", Integer.class, task) == 0
                && jdbc.queryForObject("SELECT COUNT(*) FROM hub_order WHERE order_id = ?", Integer.class, "bringg-sandbox-" + task) == 0
                && new ErpClient(jms, 1_000).nothingOn(ErpClient.ORDER_STATUS, "bringg:sandbox:delivery-created:" + task);
    }

    private HttpResponse<String> post(String event, String key, String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(event)).timeout(Duration.ofSeconds(20)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String event) {
        return URI.create("http://127.0.0.1:" + port + "/webhooks/bringg/" + event);
    }

    static String delivery(long task) {
        return WebhookSender.deliveryCreated(task, Clock.systemUTC());
    }
}

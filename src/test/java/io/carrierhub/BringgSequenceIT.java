package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.carrierhub.bringg.sandbox.BringgSandbox;
import io.carrierhub.bringg.sandbox.WebhookSender;
import io.carrierhub.sandbox.SandboxControl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One delivery from Bringg's Delivery Created to end_task, in a hub of its own whose Drivoo sandbox moves a course on
 * every few seconds and whose Drivoo poll runs every second: Drivoo's assigned, in_transit and delivered become
 * assign_driver, start_task, location updates (every 500 ms here, never more than 30 s apart) and end_task at the
 * Bringg sandbox, in Bringg's order, none twice, over the TLS policy; the 2-second Bringg tokens expire mid-sequence
 * and are revoked once (a 401), and the sequence goes on.
 */
class BringgSequenceIT {

    @TempDir
    Path dataDir;

    @Test
    void aDeliveryGoesFromWebhookToEndTaskWithLocationUpdatesAndFreshTokens() throws Exception {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).profiles("test").run(
                "--hub.data-dir=" + dataDir, "--hub.broker.in-vm-id=23",
                "--hub.sandbox.bring-shipment.port=" + BringTrackingPollIT.freePort(),
                "--hub.test.second-bring-port=" + BringTrackingPollIT.freePort(),
                "--hub.sandbox.drivoo.port=" + BringTrackingPollIT.freePort(), "--hub.sandbox.bring-po.port=0",
                "--hub.sandbox.bringg.tls-port=" + BringTrackingPollIT.freePort(),
                "--hub.poll-scheduler.name=bringg-it-" + UUID.randomUUID(),
                "--hub.polls.drivoo.enabled=true", "--hub.polls.drivoo.cron=0/1 * * * * ?",
                "--hub.sandbox.drivoo.assign-after=2s", "--hub.sandbox.drivoo.pickup-after=3s",
                "--hub.sandbox.drivoo.deliver-after=4s",
                "--hub.sandbox.bringg.token-lifetime=2s", "--hub.bringg.merchants.sandbox.expiry-margin=0s")) {
            BringgSandbox bringg = hub.getBean(BringgSandbox.class);
            SandboxControl control = new SandboxControl(bringg.address());
            long task = control.post("bringg", "task").path("taskId").asLong();
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/webhooks/bringg/delivery-created"))
                    .header("Authorization", "Bearer sandbox-webhook-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(WebhookSender.deliveryCreated(task, Clock.systemUTC()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(created.body()).contains("\"delivery_id\":\"bringg-sandbox-" + task + "\"");

            await().atMost(Duration.ofSeconds(30)).until(() -> sequence(control, task).contains("start_task"));
            control.post("bringg", "revoke-tokens");
            await().atMost(Duration.ofSeconds(40)).until(() -> sequence(control, task).contains("end_task"));

            JsonNode delivery = delivery(control, task);
            List<String> calls = sequence(control, task);
            assertThat(delivery.path("violations")).as("the sandbox found the sequence legal").isEmpty();
            assertThat(calls.get(0)).isEqualTo("assign_driver");
            assertThat(calls.get(1)).isEqualTo("start_task");
            assertThat(calls.subList(2, calls.size() - 1)).isNotEmpty().containsOnly("update_driver_location");
            assertThat(calls.get(calls.size() - 1)).isEqualTo("end_task");
            assertThat(calls).filteredOn("assign_driver"::equals).hasSize(1);
            assertThat(delivery.path("locationUpdates").asInt()).isGreaterThanOrEqualTo(4);
            assertThat(delivery.path("maxLocationGapMillis").asLong()).as("location updates at most 30 s apart (every 500 ms here)")
                    .isLessThanOrEqualTo(30_000).isLessThan(5_000);
            assertThat(control.view("bringg", "tokens").path("issued").asInt()).as("tokens renewed mid-sequence").isGreaterThanOrEqualTo(3);
        }
    }

    private static JsonNode delivery(SandboxControl control, long task) {
        for (JsonNode delivery : control.view("bringg", "deliveries")) {
            if (delivery.path("taskId").asLong() == task) {
                return delivery;
            }
        }
        throw new AssertionError("the Bringg sandbox has no task " + task);
    }

    private static List<String> sequence(SandboxControl control, long task) {
        List<String> calls = new ArrayList<>();
        delivery(control, task).path("sequence").forEach(call -> calls.add(call.asText()));
        return calls;
    }
}

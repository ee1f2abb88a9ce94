package io.carrierhub.bringg.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bringg sending its webhooks to the fleet: a JSON POST with the merchant's API key as Bearer; only a 200 is
 * success; a 500, 502, 503, 504 or no answer within 30 s is tried 3 more times, the retry delay apart (in the
 * background). The first try's answer is returned.
 */
public final class WebhookSender {

    private static final List<Integer> RETRIED = List.of(500, 502, 503, 504);
    private static final int RETRIES = 3;

    private final String url;
    private final String key;
    private final Duration retryDelay;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bringg-sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Map<String, Object>> sent = new ArrayList<>();

    WebhookSender(String url, String key, Duration retryDelay) {
        this.url = url;
        this.key = key;
        this.retryDelay = retryDelay;
    }

    Map<String, Object> send(String event, String body) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("hub.sandbox.bringg.webhook-url is not set: the sandbox has nowhere to send webhooks");
        }
        return attempt(event, body, 0);
    }

    private Map<String, Object> attempt(String event, String body, int retry) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("event", event);
        outcome.put("try", retry + 1);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/" + event)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            outcome.put("status", answer.statusCode());
            outcome.put("answer", answer.body());
            if (RETRIED.contains(answer.statusCode()) && retry < RETRIES) {
                later(event, body, retry);
            }
        } catch (IOException noAnswer) {
            outcome.put("status", 0);
            outcome.put("answer", String.valueOf(noAnswer));
            if (retry < RETRIES) {
                later(event, body, retry);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        synchronized (sent) {
            sent.add(outcome);
        }
        return outcome;
    }

    private void later(String event, String body, int retry) {
        retries.schedule(() -> attempt(event, body, retry + 1), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Map<String, Object>> view() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    static String payload(String event, long taskId, Clock clock) {
        return switch (event) {
            case "delivery-created" -> deliveryCreated(taskId, clock);
            case "delivery-cancelled" -> "{\"id\": %d, \"delivery_id\": \"%s\", \"reason_id\": 1, \"reason\": \"Customer cancelled the order\", \"request_id\": \"%s\"}"
                    .formatted(taskId, "", UUID.randomUUID());
            case "shared-location-created" -> ("{\"shared_location\": {\"id\": %d, \"uuid\": \"UoJ2ahHW\", \"task_id\": %d, \"url\": "
                    + "\"https://app.bringg.com/sen.html?UoJ2ahHW&e=6\", \"shared_type\": 1, \"sharing_method\": 0}, \"task_external_id\": \"ext%d\"}")
                    .formatted(taskId + 1_000_000, taskId, taskId);
            default -> throw new IllegalArgumentException("the sandbox sends delivery-created, delivery-cancelled, shared-location-created; not " + event);
        };
    }

    /** A Delivery Created as Bringg sends it: two way points, the pickup at a shop the Drivoo sandbox knows. */
    public static String deliveryCreated(long taskId, Clock clock) {
        Instant ready = clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"id": %d, "title": "Bouquet", "external_id": "ext%d", "type": "delivery", "request_id": "%s",
                 "team": {"external_id": "toulouse", "name": "Toulouse"},
                 "customer": {"id": 8560418, "name": "Mme Michu", "phone": "+33651451225", "email": "michu@example.fr"},
                 "way_points": [
                  {"id": 14751551, "position": 1, "pickup_dropoff_option": "pickup", "scheduled_at": "%s",
                   "no_earlier_than": "%s", "no_later_than": "%s", "address": "12 rue d'Alsace-Lorraine", "city": "Toulouse",
                   "zipcode": "31000", "lat": 43.6035, "lng": 1.4460,
                   "customer": {"name": "Fleurs du Capitole", "phone": "+33561000003"},
                   "notes": [{"id": 1, "note": "Demander Claire au comptoir"}], "inventory": []},
                  {"id": 14751552, "position": 2, "pickup_dropoff_option": "dropoff", "scheduled_at": "%s",
                   "no_earlier_than": "%s", "no_later_than": "%s", "address": "54 av Winston Churchill", "city": "Colomiers",
                   "zipcode": "31770", "lat": null, "lng": null,
                   "customer": {"name": "Mme Michu", "phone": "+33651451225", "email": "michu@example.fr"},
                   "notes": [{"id": 2, "note": "Sonnez Porte 1, bat B"}],
                   "inventory": [{"id": 1, "name": "Bouquet", "original_quantity": 1, "weight": 1.2, "height": 60, "width": 30, "length": 30}]}
                 ]}""".formatted(taskId, taskId, UUID.randomUUID(), ready, ready, ready.plus(30, ChronoUnit.MINUTES),
                ready.plus(1, ChronoUnit.HOURS), ready.plus(30, ChronoUnit.MINUTES), ready.plus(2, ChronoUnit.HOURS));
    }
}

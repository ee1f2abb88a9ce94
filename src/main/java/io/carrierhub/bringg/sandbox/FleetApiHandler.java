package io.carrierhub.bringg.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.carrierhub.sandbox.CarrierApi;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Bringg's fleet API as its documents describe it: {@code POST /oauth/token} (client credentials, JSON body,
 * 30-minute JWT-like tokens) and {@code POST /open_fleet_services/<call>}. Checks, in order: any GET (or other
 * method) is 404; an unknown path 404; no valid bearer token 401; a body that is no JSON object 400; an unknown task
 * or one of another fleet 403; assign_driver with a null driver name 400; a call out of Bringg's order a 200 with
 * success:false (kept as a violation). Answers {@code {"success":true,"task":{...}}}, and
 * {@code {"success":true,"rc":0}} for a location update.
 */
final class FleetApiHandler implements CarrierApi {

    static final Set<String> CALLS = Set.of("assign_driver", "start_task", "update_driver_location", "checkin", "create_note",
            "checkout", "end_task", "cancel_delivery", "update_task");
    private static final String PREFIX = "/open_fleet_services/";
    private static final Map<SandboxTasks.Status, Integer> STATUS = Map.of(SandboxTasks.Status.CREATED, 0, SandboxTasks.Status.ASSIGNED, 1,
            SandboxTasks.Status.STARTED, 2, SandboxTasks.Status.CHECKED_IN, 3, SandboxTasks.Status.ENDED, 4, SandboxTasks.Status.CANCELLED, 7);

    private final ObjectMapper json = new ObjectMapper();
    private final BringgSandboxProperties settings;
    private final Clock clock;
    private final SandboxTokens tokens;
    private final SandboxTasks tasks;
    private final WebhookSender webhooks;

    FleetApiHandler(BringgSandboxProperties settings, Clock clock, SandboxTasks tasks, WebhookSender webhooks) {
        this.settings = settings;
        this.clock = clock;
        this.tokens = new SandboxTokens(clock, settings.tokenLifetime());
        this.tasks = tasks;
        this.webhooks = webhooks;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 404, error(404, "Not Found"));
            return;
        }
        if ("/oauth/token".equals(path)) {
            token(exchange);
            return;
        }
        String call = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        if (!CALLS.contains(call)) {
            send(exchange, 404, error(404, "Not Found"));
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String refusal = authorization == null || !authorization.startsWith("Bearer ") ? "Missing token" : tokens.refusal(authorization.substring(7));
        if (refusal != null) {
            send(exchange, 401, error(401, refusal));
            return;
        }
        JsonNode body = body(exchange);
        if (body == null) {
            send(exchange, 400, error(400, "The body must be a JSON object"));
            return;
        }
        fleetCall(exchange, call, body);
    }

    private void fleetCall(HttpExchange exchange, String call, JsonNode body) throws IOException {
        if ("update_driver_location".equals(call)) {
            if (!body.hasNonNull("user_external_id") && !body.hasNonNull("user_id")) {
                send(exchange, 200, json.createObjectNode().put("success", false).put("message", "Missing user id/external_id"));
                return;
            }
            for (JsonNode started : body.path("started_tasks")) {
                SandboxTasks.Task task = tasks.find(started.path("task_id").asLong());
                if (task == null) {
                    send(exchange, 403, error(403, "Task " + started.path("task_id").asText() + " is not one of this fleet's"));
                    return;
                }
                String illegal = tasks.call(task, call);
                if (illegal != null) {
                    send(exchange, 200, json.createObjectNode().put("success", false).put("message", illegal));
                    return;
                }
            }
            send(exchange, 200, json.createObjectNode().put("success", true).put("rc", 0));
            return;
        }
        SandboxTasks.Task task = body.path("task_id").canConvertToLong() ? tasks.find(body.path("task_id").asLong()) : null;
        if (task == null) {
            send(exchange, 403, error(403, "Task " + body.path("task_id").asText("(none)") + " is not one of this fleet's"));
            return;
        }
        if ("assign_driver".equals(call) && body.has("user") && !body.path("user").hasNonNull("name")) {
            send(exchange, 400, error(400, "user.name must not be null"));
            return;
        }
        if ("cancel_delivery".equals(call) && !body.path("reason_id").canConvertToInt()) {
            send(exchange, 400, error(400, "reason_id is required"));
            return;
        }
        String illegal = tasks.call(task, call);
        if (illegal != null) {
            send(exchange, 200, json.createObjectNode().put("success", false).put("message", illegal));
            return;
        }
        ObjectNode answer = json.createObjectNode().put("success", true);
        answer.putObject("task").put("id", task.id).put("status", STATUS.get(task.status));
        send(exchange, 200, answer);
    }

    private void token(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        if (body == null || !"client_credentials".equals(body.path("grant_type").asText())) {
            send(exchange, 400, json.createObjectNode().put("error", "unsupported_grant_type"));
            return;
        }
        if (!settings.clientId().equals(body.path("client_id").asText()) || !settings.clientSecret().equals(body.path("client_secret").asText())) {
            send(exchange, 401, json.createObjectNode().put("error", "invalid_client"));
            return;
        }
        send(exchange, 200, json.createObjectNode().put("access_token", tokens.issue(settings.clientId())).put("token_type", "Bearer")
                .put("expires_in", tokens.lifetimeSeconds()).put("created_at", clock.instant().getEpochSecond()));
    }

    private JsonNode body(HttpExchange exchange) {
        try {
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            return body != null && body.isObject() ? body : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private ObjectNode error(int status, String title) {
        return json.createObjectNode().put("type", "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/" + status)
                .put("title", title).put("message", title).put("status", status).put("success", false);
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void writeFailure(HttpExchange exchange, int status) throws IOException {
        send(exchange, status, error(status, "Injected failure"));
    }

    @Override
    public void reset() {
        tokens.reset();
        tasks.reset();
    }

    @Override
    public Map<String, Supplier<Object>> views() {
        return Map.of("deliveries", tasks::view, "tokens", tokens::view, "webhooks", webhooks::view);
    }

    @Override
    public Map<String, Function<Map<String, String>, Object>> actions() {
        Map<String, Function<Map<String, String>, Object>> actions = new LinkedHashMap<>();
        actions.put("revoke-tokens", parameters -> {
            tokens.revokeAll();
            return null;
        });
        actions.put("token-lifetime", parameters -> {
            tokens.lifetime(Duration.ofSeconds(Long.parseLong(required(parameters, "seconds"))));
            return null;
        });
        // a task of this fleet that the caller hands over itself (its own Delivery Created)
        actions.put("task", parameters -> {
            long id = parameters.containsKey("id") ? Long.parseLong(parameters.get("id")) : tasks.newTask();
            tasks.add(id);
            return Map.of("taskId", id);
        });
        // the demo: a new task, handed to the hub by a Delivery Created webhook (Bringg's retries included)
        actions.put("play", parameters -> {
            long id = tasks.newTask();
            return webhooks.send("delivery-created", WebhookSender.deliveryCreated(id, clock));
        });
        actions.put("send", parameters -> {
            long id = Long.parseLong(required(parameters, "task"));
            String event = required(parameters, "event");
            return webhooks.send(event, WebhookSender.payload(event, id, clock));
        });
        return actions;
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing parameter " + name);
        }
        return value;
    }
}

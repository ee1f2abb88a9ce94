package io.carrierhub.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A client of a sandbox's control API ({@code /_sandbox/}, docs/sandboxes.md), for tests that reach the sandbox
 * only over HTTP. Faults set here add to those set before, except rates and latency, which replace theirs;
 * {@link #clearFaults()} goes back to the configured faults, {@link #reset()} also forgets the requests and the
 * carrier's state. A control call that does not answer 2xx throws {@link IllegalStateException} with the reason.
 * <pre>{@code
 * SandboxControl bring = new SandboxControl("http://127.0.0.1:28081");
 * bring.failNext(1, 429, "2");
 * ... send an order ...
 * assertThat(bring.requests("/shipment/")).extracting(RecordedRequest::status).containsExactly(429, 200);
 * }</pre>
 */
public final class SandboxControl {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param baseUrl the sandbox's address, {@code http://127.0.0.1:<port>} */
    public SandboxControl(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Answers a share of requests, 0.0 to 1.0, with {@code status}; 0.0 stops it. */
    public void failWith(int status, double rate) {
        faults(Map.of("status", status, "rate", rate));
    }

    /** As {@link #failWith(int, double)}, with a Retry-After header. */
    public void failWith(int status, double rate, String retryAfter) {
        faults(Map.of("status", status, "rate", rate, "retryAfter", retryAfter));
    }

    /** Answers the next {@code count} requests with {@code status}. */
    public void failNext(int count, int status) {
        faults(Map.of("status", status, "next", count));
    }

    /** As {@link #failNext(int, int)}, with a Retry-After header (seconds or an HTTP date). */
    public void failNext(int count, int status, String retryAfter) {
        faults(Map.of("status", status, "next", count, "retryAfter", retryAfter));
    }

    /** Adds {@code latency} before every answer. */
    public void latency(Duration latency) {
        faults(Map.of("latency", latency.toString()));
    }

    /** Closes the connections of the next {@code count} requests without an answer. */
    public void resetNext(int count) {
        faults(Map.of("connectionReset", Map.of("next", count)));
    }

    /** Closes the connections of a share of requests, 0.0 to 1.0, without an answer. */
    public void resetRate(double rate) {
        faults(Map.of("connectionReset", Map.of("rate", rate)));
    }

    /** Lets the carrier process the next {@code count} requests (a booking is made), then answers them 500. */
    public void acceptThenFailNext(int count) {
        faults(Map.of("acceptThenFail", Map.of("next", count)));
    }

    /** Lets the carrier process a share of requests, 0.0 to 1.0, then answers them 500. */
    public void acceptThenFailRate(double rate) {
        faults(Map.of("acceptThenFail", Map.of("rate", rate)));
    }

    /** The faults as they stand, as {@code GET /_sandbox/faults} shows them. */
    public JsonNode faults() {
        return read(send("GET", "faults", null), JsonNode.class);
    }

    /** Back to the configured faults. */
    public void clearFaults() {
        send("DELETE", "faults", null);
    }

    /** Configured faults, no requests recorded, the carrier's state forgotten. */
    public void reset() {
        send("POST", "reset", null);
    }

    /** Forgets the recorded requests only. */
    public void clearRequests() {
        send("DELETE", "requests", null);
    }

    /** The carrier requests recorded, oldest first. */
    public List<RecordedRequest> requests() {
        return read(send("GET", "requests", null), new TypeReference<>() { });
    }

    /** The carrier requests recorded whose path starts with {@code pathPrefix}, oldest first. */
    public List<RecordedRequest> requests(String pathPrefix) {
        return read(send("GET", "requests?path=" + URLEncoder.encode(pathPrefix, StandardCharsets.UTF_8), null), new TypeReference<>() { });
    }

    /** A carrier's own view, {@code GET /_sandbox/<name>/<view>}, e.g. ("bring-shipment", "shipments"). */
    public JsonNode view(String sandbox, String view) {
        return read(send("GET", sandbox + "/" + view, null), JsonNode.class);
    }

    /** A carrier's own action, {@code POST /_sandbox/<name>/<action>[?<parameters>]}, e.g. ("drivoo", "revoke-tokens"). */
    public JsonNode post(String sandbox, String actionAndQuery) {
        String answer = send("POST", sandbox + "/" + actionAndQuery, null);
        return answer.isEmpty() ? null : read(answer, JsonNode.class);
    }

    private void faults(Map<String, Object> change) {
        send("PUT", "faults", change);
    }

    private String send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/_sandbox/" + path))
                    .method(method, publisher)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " /_sandbox/" + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.carrierhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sandbox kit over real HTTP, with a trivial carrier, driven only through the control API. */
class SandboxServerTest {

    private static final CountingApi carrier = new CountingApi();
    private static final SandboxServer sandbox = new SandboxServer("test-carrier", 0, new FaultInjection(0.0, Duration.ZERO), carrier);
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();
    private static SandboxControl control;

    @BeforeAll
    static void start() {
        sandbox.start();
        control = new SandboxControl(sandbox.address());
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @BeforeEach
    void reset() {
        control.reset();
    }

    @Test
    void answersEveryRequestWithTheStatusAtRateOne() throws Exception {
        control.failWith(503, 1.0);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = post("/book", "order " + i);
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).isEqualTo("carrier error 503");
        }
        assertThat(carrier.bookings.get()).isZero();
        assertThat(control.requests()).extracting(RecordedRequest::status, RecordedRequest::injected)
                .containsOnly(tuple(503, true));
    }

    @Test
    void failsTheNextRequestWithRetryAfterThenAnswersNormally() throws Exception {
        control.failNext(1, 429, "2");

        HttpResponse<String> failed = post("/book", "first");
        HttpResponse<String> answered = post("/book", "second");

        assertThat(failed.statusCode()).isEqualTo(429);
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.headers().firstValue("Retry-After")).isEmpty();
        assertThat(carrier.bookings.get()).isOne();
    }

    @Test
    void addsTheLatency() throws Exception {
        control.latency(Duration.ofMillis(300));

        long start = System.nanoTime();
        assertThat(post("/book", "slow").statusCode()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(control.faults().get("latency").asText()).isEqualTo("PT0.3S");
    }

    @Test
    void closesTheConnectionWithoutAnswer() throws Exception {
        control.resetNext(1);

        assertThatThrownBy(() -> post("/book", "lost")).isInstanceOf(IOException.class);

        assertThat(post("/book", "next").statusCode()).isEqualTo(200);
        assertThat(carrier.bookings.get()).as("the reset request never reached the carrier").isOne();
        assertThat(control.requests()).extracting(RecordedRequest::body, RecordedRequest::status, RecordedRequest::injected)
                .containsExactly(tuple("lost", 0, true), tuple("next", 200, false));
    }

    @Test
    void acceptsThenAnswers500() throws Exception {
        control.acceptThenFailNext(1);

        HttpResponse<String> answer = post("/book", "ambiguous");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).isEqualTo("carrier error 500");
        assertThat(carrier.bookings.get()).as("the carrier booked it").isOne();
        assertThat(control.view("test-carrier", "bookings").asInt()).isOne();
        assertThat(control.requests()).singleElement()
                .returns(500, RecordedRequest::status).returns(true, RecordedRequest::injected);
    }

    @Test
    void recordsEveryCarrierRequestButNoControlCall() throws Exception {
        Instant before = Instant.now();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.address() + "/book/this?ref=A-1"))
                .header("Content-Type", "text/plain; charset=ISO-8859-1")
                .header("X-Trace", "t-1")
                .POST(HttpRequest.BodyPublishers.ofString("Blåbær", StandardCharsets.ISO_8859_1))
                .build();
        http.send(request, HttpResponse.BodyHandlers.ofString());
        control.faults();
        get("/other");

        List<RecordedRequest> requests = control.requests();

        assertThat(requests).extracting(RecordedRequest::path).containsExactly("/book/this", "/other");
        RecordedRequest booking = requests.get(0);
        assertThat(booking.method()).isEqualTo("POST");
        assertThat(booking.query()).isEqualTo("ref=A-1");
        assertThat(booking.headers()).containsEntry("X-trace", List.of("t-1"))
                .containsEntry("Content-type", List.of("text/plain; charset=ISO-8859-1"));
        assertThat(booking.body()).isEqualTo("Blåbær");
        assertThat(booking.status()).isEqualTo(200);
        assertThat(booking.injected()).isFalse();
        assertThat(booking.at()).isBetween(before, Instant.now());
        assertThat(control.requests("/book")).singleElement().returns("/book/this", RecordedRequest::path);
        assertThat(sandbox.requests().count()).isEqualTo(2);
    }

    @Test
    void faultsNeverReachTheControlApi() throws Exception {
        control.failWith(500, 1.0);
        control.resetRate(1.0);

        assertThat(control.faults().get("rate").asDouble()).isEqualTo(1.0);
        assertThat(control.requests()).isEmpty();
    }

    @Test
    void resetRestoresFaultsAndForgetsRequestsAndCarrierState() throws Exception {
        control.failNext(5, 500);
        control.latency(Duration.ofMillis(10));
        post("/book", "one");
        control.acceptThenFailNext(1);
        post("/book", "two");

        control.reset();

        JsonNode faults = control.faults();
        assertThat(faults.get("latency").asText()).isEqualTo("PT0S");
        assertThat(faults.get("scheduled")).isEmpty();
        assertThat(control.requests()).isEmpty();
        assertThat(carrier.bookings.get()).isZero();
        assertThat(post("/book", "three").statusCode()).isEqualTo(200);
    }

    @Test
    void clearingTheFaultsKeepsTheRecord() throws Exception {
        control.failNext(1, 502);
        control.clearFaults();
        post("/book", "kept");

        control.clearRequests();

        assertThat(control.requests()).isEmpty();
        assertThat(carrier.bookings.get()).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"status\":503}",
            "{\"status\":503,\"rate\":1.5}",
            "{\"status\":200,\"next\":1}",
            "{\"rate\":0.5}",
            "{\"status\":503,\"next\":1,\"rate\":0.5}",
            "{\"latency\":\"soon\"}",
            "{\"connectionReset\":{\"next\":-1}}",
            "{\"acceptThenFail\":true}",
            "{\"colour\":\"red\"}",
            "{}",
            "not json"})
    void refusesInvalidFaultsWithTheReason(String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(sandbox.address() + "/_sandbox/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.readTree(answer.body()).get("error").asText()).isNotBlank();
        assertThat(control.faults().get("scheduled")).isEmpty();
        assertThat(control.faults().get("rate").asDouble()).isZero();
    }

    @Test
    void takesLatencyInMillisecondsAndNamesUnknownPaths() throws Exception {
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(sandbox.address() + "/_sandbox/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"latency\":1500,\"status\":429,\"next\":2,\"retryAfter\":3}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = get("/_sandbox/nothing");

        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode faults = json.readTree(put.body());
        assertThat(faults.get("latency").asText()).isEqualTo("PT1.5S");
        assertThat(faults.get("scheduled")).hasSize(2).allSatisfy(fault -> assertThat(fault.toString()).contains("429", "\"3\""));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("/_sandbox/requests", "/_sandbox/test-carrier/bookings");
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.address() + path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.address() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A carrier that books everything it is sent, and counts the bookings. */
    private static final class CountingApi implements CarrierApi {

        final AtomicInteger bookings = new AtomicInteger();

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            bookings.incrementAndGet();
            write(exchange, 200, "booked");
        }

        @Override
        public void writeFailure(HttpExchange exchange, int status) throws IOException {
            write(exchange, status, "carrier error " + status);
        }

        @Override
        public void reset() {
            bookings.set(0);
        }

        @Override
        public Map<String, Supplier<Object>> views() {
            return Map.of("bookings", bookings::get);
        }

        private static void write(HttpExchange exchange, int status, String text) throws IOException {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}

package io.carrierhub.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every request but the control API's: latency and faults first, then the carrier's API; each one recorded. */
final class CarrierRequests implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CarrierRequests.class);
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final int NO_ANSWER = 0;

    private final String name;
    private final CarrierApi api;
    private final FaultInjection faults;
    private final RequestLog log;

    CarrierRequests(String name, CarrierApi api, FaultInjection faults, RequestLog log) {
        this.name = name;
        this.api = api;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Instant at = Instant.now();
        log.received();
        // closing an exchange that has sent no answer closes its connection: that is how a reset is made
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            faults.delay();
            Optional<Fault> fault = faults.next();
            BufferedExchange answer = answer(exchange, body, fault.orElse(null));
            int status = answer == null ? NO_ANSWER : answer.getResponseCode();
            log.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers(exchange), text(body, exchange), status, at, fault.isPresent()));
            if (answer != null) {
                answer.commit();
            }
        } catch (InterruptedException e) {
            // the sandbox is stopping: the connection closes unanswered
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The {} sandbox could not answer {} {}", name, exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    /** The answer to send, or null for none. */
    private BufferedExchange answer(HttpExchange exchange, byte[] body, Fault fault) throws IOException {
        if (fault instanceof Fault.ConnectionReset) {
            return null;
        }
        BufferedExchange answer = new BufferedExchange(exchange, body);
        if (fault instanceof Fault.Status failure) {
            api.writeFailure(answer, failure.status());
            if (failure.retryAfter() != null) {
                answer.getResponseHeaders().set("Retry-After", failure.retryAfter());
            }
            return answer;
        }
        api.handle(answer);
        if (fault instanceof Fault.AcceptThenFail) {
            BufferedExchange failure = new BufferedExchange(exchange, body);
            api.writeFailure(failure, 500);
            return failure;
        }
        return answer;
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((header, values) -> headers.put(header, List.copyOf(values)));
        return headers;
    }

    private static String text(byte[] body, HttpExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Matcher charset = CHARSET.matcher(contentType == null ? "" : contentType);
        try {
            return new String(body, charset.find() ? Charset.forName(charset.group(1)) : StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknownCharset) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}

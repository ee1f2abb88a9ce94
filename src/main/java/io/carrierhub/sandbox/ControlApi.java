package io.carrierhub.sandbox;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /_sandbox/}: the faults, the record of requests and the carrier's state of one sandbox, JSON in and out.
 * Never faulty, never recorded. The paths and bodies are in docs/sandboxes.md.
 */
final class ControlApi implements HttpHandler {

    static final String PREFIX = "/_sandbox/";
    private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private final SandboxServer sandbox;
    private final CarrierApi api;

    ControlApi(SandboxServer sandbox, CarrierApi api) {
        this.sandbox = sandbox;
        this.api = api;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                answer(exchange);
            } catch (IllegalArgumentException | JacksonException e) {
                send(exchange, 400, error(e));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The {} sandbox could not answer {} {}", sandbox.name(), exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        switch (path) {
            case "requests" -> {
                switch (method) {
                    case "GET" -> send(exchange, 200, requests(exchange.getRequestURI().getRawQuery()));
                    case "DELETE" -> {
                        sandbox.requests().clear();
                        send(exchange, 204, null);
                    }
                    default -> notAllowed(exchange, "GET, DELETE");
                }
            }
            case "faults" -> {
                switch (method) {
                    case "GET" -> send(exchange, 200, sandbox.faults().settings());
                    case "PUT" -> {
                        FaultChange.read(JSON.readTree(exchange.getRequestBody())).applyTo(sandbox.faults());
                        send(exchange, 200, sandbox.faults().settings());
                    }
                    case "DELETE" -> {
                        sandbox.faults().reset();
                        send(exchange, 200, sandbox.faults().settings());
                    }
                    default -> notAllowed(exchange, "GET, PUT, DELETE");
                }
            }
            case "reset" -> {
                if ("POST".equals(method)) {
                    sandbox.reset();
                    send(exchange, 204, null);
                } else {
                    notAllowed(exchange, "POST");
                }
            }
            default -> view(exchange, path, method);
        }
    }

    private Object requests(String rawQuery) {
        String prefix = null;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                if (!nameAndValue[0].equals("path") || nameAndValue.length != 2) {
                    throw new IllegalArgumentException("the one query parameter is path=<prefix of the paths to show>, not " + pair);
                }
                prefix = URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8);
            }
        }
        return prefix == null ? sandbox.requests().all() : sandbox.requests().matching(prefix);
    }

    private void view(HttpExchange exchange, String path, String method) throws IOException {
        Map<String, Supplier<Object>> views = api.views();
        Map<String, Function<Map<String, String>, Object>> actions = api.actions();
        String own = sandbox.name() + "/";
        String name = path.startsWith(own) ? path.substring(own.length()) : null;
        Supplier<Object> view = name == null ? null : views.get(name);
        Function<Map<String, String>, Object> action = name == null ? null : actions.get(name);
        if (view == null && action == null) {
            Stream<String> paths = Stream.of(Stream.of("requests", "faults", "reset"), views.keySet().stream().map(own::concat),
                    actions.keySet().stream().map(own::concat)).flatMap(names -> names);
            send(exchange, 404, Map.of("error", "no " + PREFIX + path + "; the paths are "
                    + paths.map(PREFIX::concat).collect(Collectors.joining(", "))));
        } else if (view != null && "GET".equals(method)) {
            send(exchange, 200, view.get());
        } else if (action != null && "POST".equals(method)) {
            Object answer = action.apply(parameters(exchange.getRequestURI().getRawQuery()));
            send(exchange, answer == null ? 204 : 200, answer);
        } else {
            notAllowed(exchange, view != null ? "GET" : "POST");
        }
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                parameters.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    private static void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        send(exchange, 405, Map.of("error", exchange.getRequestURI().getPath() + " takes " + allowed + ", not " + exchange.getRequestMethod()));
    }

    private static Map<String, String> error(Exception e) {
        String reason = e instanceof JacksonException json ? "not JSON: " + json.getOriginalMessage() : e.getMessage();
        return Map.of("error", reason);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }
}

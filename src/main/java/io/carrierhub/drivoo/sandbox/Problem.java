package io.carrierhub.drivoo.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/** An error answer as Drivoo's API gives it: an application/problem+json with the HTTP status and Drivoo's message. */
final class Problem extends RuntimeException {

    private static final String TYPE = "http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html";

    private final int status;
    private final String title;
    private final transient Map<String, Map<String, String>> validation;

    private Problem(int status, String title, String detail, Map<String, Map<String, String>> validation) {
        super(detail);
        this.status = status;
        this.title = title;
        this.validation = validation;
    }

    static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail, null);
    }

    /** A 400 naming every field that breaks a rule. */
    static Problem invalid(Map<String, Map<String, String>> violations) {
        return new Problem(400, "Bad Request", "Failed Validation", violations);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }

    void send(HttpExchange exchange, ObjectMapper json) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("type", TYPE);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        if (validation != null) {
            body.set("validation_messages", json.valueToTree(validation));
        }
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}

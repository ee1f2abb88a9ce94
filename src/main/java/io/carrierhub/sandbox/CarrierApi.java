package io.carrierhub.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The carrier-specific part of a sandbox: its API, its own error answer, and its state. {@link SandboxServer}
 * does the rest. {@link #handle} sees an exchange whose answer is buffered, so the server can record it, or
 * replace it for an "accept, then 500" fault.
 */
public interface CarrierApi extends HttpHandler {

    /** Answers {@code status} as the carrier shapes its errors; used for injected failures. */
    void writeFailure(HttpExchange exchange, int status) throws IOException;

    /** Forgets what the carrier holds (bookings, tokens, ...). */
    void reset();

    /** The carrier's state as JSON-writable objects, each served at {@code GET /_sandbox/<name>/<view>}. */
    Map<String, Supplier<Object>> views();

    /**
     * What a test or a person can make the carrier do, each at {@code POST /_sandbox/<name>/<action>?<parameters>}
     * (e.g. revoke its tokens): the function gets the query's parameters and answers a JSON-writable object, or null
     * for a 204. An {@link IllegalArgumentException} is answered 400 with its message.
     */
    default Map<String, Function<Map<String, String>, Object>> actions() {
        return Map.of();
    }
}

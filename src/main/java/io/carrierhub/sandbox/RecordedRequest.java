package io.carrierhub.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A carrier request a sandbox received, and how it answered.
 *
 * @param method   the HTTP method
 * @param path     the path, decoded
 * @param query    the raw query string, or null
 * @param headers  every request header, names as the JDK server gives them (first letter upper case)
 * @param body     the body as text, in the charset its Content-Type names, else UTF-8
 * @param status   the status answered; 0 for a connection closed without an answer
 * @param at       when the request arrived
 * @param injected whether fault injection made the answer
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        String body,
        int status,
        Instant at,
        boolean injected) {
}

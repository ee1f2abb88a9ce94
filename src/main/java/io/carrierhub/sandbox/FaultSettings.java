package io.carrierhub.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults of a sandbox as they stand, as {@code GET /_sandbox/faults} shows them.
 *
 * @param latency         added before every carrier request is answered
 * @param status          the status answered at {@code rate}
 * @param rate            the share of requests, 0.0 to 1.0, answered with {@code status}
 * @param retryAfter      the Retry-After header of those answers, or null for none
 * @param connectionReset the share of connections closed without an answer
 * @param acceptThenFail  the share of requests processed by the carrier, then answered 500
 * @param scheduled       the faults of the next requests, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultSettings(
        Duration latency,
        int status,
        double rate,
        String retryAfter,
        Share connectionReset,
        Share acceptThenFail,
        List<Map<String, Object>> scheduled) {

    public record Share(double rate) {
    }

    static Map<String, Object> describe(Fault fault) {
        Map<String, Object> description = new LinkedHashMap<>();
        if (fault instanceof Fault.Status failure) {
            description.put("status", failure.status());
            if (failure.retryAfter() != null) {
                description.put("retryAfter", failure.retryAfter());
            }
        } else {
            description.put(fault instanceof Fault.ConnectionReset ? "connectionReset" : "acceptThenFail", true);
        }
        return description;
    }
}

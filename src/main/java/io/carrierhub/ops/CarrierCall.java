package io.carrierhub.ops;

import java.time.Instant;

/**
 * One call to a carrier, as the audit keeps it (bodies masked).
 *
 * @param status the HTTP status, or {@code no-answer}
 */
public record CarrierCall(Instant calledAt, String carrier, String orderId, String operation, String status,
        long durationMillis, String requestBody, String responseBody) {
}

package io.carrierhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * A change of faults as {@code PUT /_sandbox/faults} takes it, checked whole before any of it applies. The fields
 * it names change, the others stay: {@code status} with {@code rate} (and {@code retryAfter}) replaces the share
 * of failures, {@code status} with {@code next} schedules failures after those scheduled already, {@code latency}
 * (ISO-8601 like "PT1.5S", or a number of milliseconds) replaces the latency; {@code connectionReset} and
 * {@code acceptThenFail} each take {@code {"next": n}} or {@code {"rate": r}}.
 */
record FaultChange(
        Integer status, Double rate, Integer next, String retryAfter, Duration latency,
        NextOrRate connectionReset, NextOrRate acceptThenFail) {

    private static final Set<String> FIELDS = Set.of("status", "rate", "next", "retryAfter", "latency", "connectionReset", "acceptThenFail");

    record NextOrRate(Integer next, Double rate) {
    }

    static FaultChange read(JsonNode json) {
        if (json == null || !json.isObject() || json.isEmpty()) {
            throw new IllegalArgumentException("a JSON object with one or more of " + FIELDS + " is expected");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name + "; the fields are " + FIELDS);
            }
        }
        Integer status = count(json, "status");
        Double rate = rate(json, "rate");
        Integer next = count(json, "next");
        String retryAfter = retryAfter(json.get("retryAfter"));
        if (status == null && (rate != null || next != null || retryAfter != null)) {
            throw new IllegalArgumentException("rate, next and retryAfter go with a status");
        }
        if (status != null) {
            FaultInjection.status(status);
            exactlyOne("status", next, rate);
        }
        return new FaultChange(status, rate, next, retryAfter, latency(json.get("latency")),
                nextOrRate(json, "connectionReset"), nextOrRate(json, "acceptThenFail"));
    }

    void applyTo(FaultInjection faults) {
        if (latency != null) {
            faults.latency(latency);
        }
        if (status != null && rate != null) {
            faults.failWith(status, rate, retryAfter);
        }
        if (status != null && next != null) {
            faults.failNext(next, status, retryAfter);
        }
        if (connectionReset != null && connectionReset.next() != null) {
            faults.resetNext(connectionReset.next());
        }
        if (connectionReset != null && connectionReset.rate() != null) {
            faults.resetRate(connectionReset.rate());
        }
        if (acceptThenFail != null && acceptThenFail.next() != null) {
            faults.acceptThenFailNext(acceptThenFail.next());
        }
        if (acceptThenFail != null && acceptThenFail.rate() != null) {
            faults.acceptThenFailRate(acceptThenFail.rate());
        }
    }

    private static NextOrRate nextOrRate(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject() || value.size() != 1 || !(value.has("next") || value.has("rate"))) {
            throw new IllegalArgumentException(field + " must be {\"next\": <count>} or {\"rate\": <0.0 to 1.0>}");
        }
        return new NextOrRate(count(value, "next"), rate(value, "rate"));
    }

    private static void exactlyOne(String field, Integer next, Double rate) {
        if ((next == null) == (rate == null)) {
            throw new IllegalArgumentException(field + " needs either next (a count of requests) or rate (0.0 to 1.0)");
        }
    }

    private static Integer count(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new IllegalArgumentException(field + " must be a whole number, zero or more, not " + value);
        }
        return value.asInt();
    }

    private static Double rate(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number between 0.0 and 1.0, not " + value);
        }
        return FaultInjection.rate(value.asDouble());
    }

    private static String retryAfter(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw new IllegalArgumentException("retryAfter must be seconds or an HTTP date, not " + value);
        }
        return FaultInjection.retryAfter(value.asText());
    }

    private static Duration latency(JsonNode value) {
        if (value == null) {
            return null;
        }
        String expected = "latency must be an ISO-8601 duration such as \"PT1.5S\" or a number of milliseconds, not " + value;
        if (value.isIntegralNumber()) {
            return FaultInjection.positive(Duration.ofMillis(value.asLong()));
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(expected);
        }
        try {
            return FaultInjection.positive(Duration.parse(value.textValue()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(expected, e);
        }
    }
}

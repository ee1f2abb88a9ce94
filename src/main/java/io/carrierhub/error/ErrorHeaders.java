package io.carrierhub.error;

/** Headers that explain why a message went to a dead-letter queue. */
public final class ErrorHeaders {

    /** Stable, machine-readable code, e.g. SCHEMA_INVALID, UNKNOWN_CARRIER, CARRIER_VALIDATION. */
    public static final String CODE = "HubErrorCode";
    /** What went wrong, for a person. */
    public static final String REASON = "HubErrorReason";
    /** The queue the message was taken from, where a replay puts it back. */
    public static final String ORIGIN = "HubOriginQueue";
    /** The route that gave up. */
    public static final String ROUTE = "HubFailedRoute";
    /** When the hub gave up (ISO-8601). */
    public static final String FAILED_AT = "HubFailedAt";

    private ErrorHeaders() {
    }
}

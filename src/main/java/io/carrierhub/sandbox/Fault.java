package io.carrierhub.sandbox;

/** What {@link FaultInjection} does to one carrier request instead of, or after, the carrier's answer. */
sealed interface Fault {

    /** Answer {@code status} in the carrier's error shape, with a Retry-After header unless it is null. */
    record Status(int status, String retryAfter) implements Fault {
    }

    /** Close the connection without an answer. */
    record ConnectionReset() implements Fault {
    }

    /** Let the carrier process the request, then answer 500 instead of its answer. */
    record AcceptThenFail() implements Fault {
    }
}

package io.carrierhub.error;

/**
 * The hub's own infrastructure failed (the ledger database, the broker): neither the order's nor the carrier's doing.
 * The message is rolled back and the broker gives it again later ({@link Failures#isHubUnavailable}).
 */
public class HubUnavailableException extends HubException {

    public HubUnavailableException(String reason, Throwable cause) {
        super("HUB_UNAVAILABLE", reason);
        initCause(cause);
    }
}

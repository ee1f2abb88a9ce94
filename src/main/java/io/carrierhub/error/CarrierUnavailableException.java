package io.carrierhub.error;

/** The carrier could not take the request now (5xx, 408, 429): retried with the carrier's backoff. */
public class CarrierUnavailableException extends HubException {

    public CarrierUnavailableException(String code, String reason) {
        super(code, reason);
    }
}

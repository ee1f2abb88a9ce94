package io.carrierhub.error;

/** The carrier refused the request for good (validation, authentication, configuration): never retried. */
public class CarrierRejectedException extends HubException {

    public CarrierRejectedException(String code, String reason) {
        super(code, reason);
    }
}

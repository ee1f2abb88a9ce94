package io.carrierhub.error;

/** The order names a carrier the hub does not serve. */
public class UnknownCarrierException extends InvalidMessageException {

    public UnknownCarrierException(String reason) {
        super("UNKNOWN_CARRIER", reason);
    }
}

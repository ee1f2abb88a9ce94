package io.carrierhub.error;

/**
 * A defect of the hub itself, e.g. a mapper that wrote a request the carrier's contract does not allow: neither the
 * ERP's nor the carrier's doing, never retried, and an alarm for whoever runs the hub.
 */
public class HubFaultException extends HubException {

    public HubFaultException(String code, String reason) {
        super(code, reason);
    }
}

package io.carrierhub.error;

/** A message the hub cannot take as it is (unreadable, schema-invalid, unknown carrier): never retried. */
public class InvalidMessageException extends HubException {

    public InvalidMessageException(String code, String reason) {
        super(code, reason);
    }
}

package io.carrierhub.error;

/** A failure the hub can name: a stable code for machines and a reason for people. */
public abstract class HubException extends RuntimeException {

    private final String code;

    protected HubException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }
}

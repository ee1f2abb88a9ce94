package io.carrierhub.bringg;

/** A webhook request the hub cannot read or must not trust: answered with this HTTP status and the reason; nothing queued. */
public class WebhookRejected extends RuntimeException {

    private final int status;

    public WebhookRejected(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

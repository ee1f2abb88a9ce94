package io.carrierhub.events;

import io.carrierhub.error.HubException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/** Names why an event could not be posted to the ERP: the HubErrorCode and HubErrorReason of its dead letter. */
public class CallbackFailures {

    private static final int BODY_EXCERPT = 500;

    public String code(Exchange exchange) {
        Throwable failure = caught(exchange);
        if (failure instanceof HubException hub) {
            return hub.code();
        }
        return failure instanceof HttpOperationFailedException ? "CALLBACK_FAILED" : "CALLBACK_UNREACHABLE";
    }

    /** The ERP's status and the start of its answer, the hub's own reason, or the exception when there was no answer. */
    public String reason(Exchange exchange) {
        Throwable failure = caught(exchange);
        if (failure instanceof HubException hub) {
            return hub.reason();
        }
        if (failure instanceof HttpOperationFailedException answer) {
            String body = answer.getResponseBody() == null ? "" : answer.getResponseBody().strip();
            return "HTTP " + answer.getStatusCode() + " from " + answer.getUri()
                    + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(body.length(), BODY_EXCERPT)));
        }
        return failure == null ? "unknown failure" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static Throwable caught(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpOperationFailedException) {
                return cause;
            }
        }
        return failure;
    }
}

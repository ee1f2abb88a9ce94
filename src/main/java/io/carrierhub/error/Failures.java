package io.carrierhub.error;

import java.io.IOException;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Names the failure that sent a message to a dead-letter queue: its HubErrorCode and HubErrorReason (docs/operations.md). */
@Component("failures")
public class Failures {

    public String code(Exchange exchange) {
        Throwable failure = caught(exchange);
        if (failure instanceof HubException hub) {
            return hub.code();
        }
        return failure instanceof IOException ? "CARRIER_UNREACHABLE" : "INTERNAL_ERROR";
    }

    public String reason(Exchange exchange) {
        Throwable failure = caught(exchange);
        if (failure == null) {
            return "unknown failure";
        }
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return failure instanceof HubException ? message : failure.getClass().getSimpleName() + ": " + message;
    }

    /** The failure, unwrapped from Camel's expression and bean wrappers down to the hub's own exception. */
    private static Throwable caught(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HubException || cause instanceof IOException) {
                return cause;
            }
        }
        return failure;
    }
}

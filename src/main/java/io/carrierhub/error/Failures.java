package io.carrierhub.error;

import jakarta.jms.TransactionRolledBackException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.camel.Exchange;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Classifies a failure of a message from a queue: the hub's own database or broker unavailable (the message is rolled
 * back and given again later), or else final, with the HubErrorCode and HubErrorReason of its dead letter
 * (docs/operations.md).
 */
@Component("failures")
public class Failures {

    /** The broker's words for a connection or session that is gone: the broker is down or restarting. */
    private static final Set<ActiveMQExceptionType> BROKER_LOST = Set.of(ActiveMQExceptionType.NOT_CONNECTED,
            ActiveMQExceptionType.DISCONNECTED, ActiveMQExceptionType.CONNECTION_TIMEDOUT,
            ActiveMQExceptionType.OBJECT_CLOSED, ActiveMQExceptionType.UNBLOCKED, ActiveMQExceptionType.SHUTDOWN_ERROR);
    /** Longest cause chain looked at (a chain may loop). */
    private static final int MAX_DEPTH = 32;

    /** Whether the exchange failed because the hub's database or broker is unavailable (the routes' onWhen). */
    public boolean hubUnavailable(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return isHubUnavailable(failure != null ? failure : exchange.getException());
    }

    /**
     * Whether the failure, or one of its causes, says that the ledger database or the broker cannot be reached or
     * lost the connection: Spring's resource and transient data-access failures (no connection from the pool, a
     * transaction that could not begin or end, a lock or query timeout), JDBC's transient and recoverable exceptions and
     * SQLStates 08 (connection exception) and 57P (the server shutting down or starting), and the broker's lost
     * connection or session. A transaction whose commit or rollback failed counts too: that is the database's doing.
     * Such a failure says nothing about the order: it is worth the same message again later.
     */
    public static boolean isHubUnavailable(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof HubUnavailableException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql && connectionLost(sql.getSQLState())
                    || cause instanceof jakarta.jms.IllegalStateException
                    || cause instanceof TransactionRolledBackException
                    || cause instanceof ActiveMQException broker && BROKER_LOST.contains(broker.getType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }

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

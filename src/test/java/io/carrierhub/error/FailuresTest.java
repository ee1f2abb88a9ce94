package io.carrierhub.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.ActiveMQNotConnectedException;
import org.apache.activemq.artemis.api.core.ActiveMQObjectClosedException;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jms.UncategorizedJmsException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** What rolls a message back for later (the hub's database or broker unavailable) and what is final. */
class FailuresTest {

    private final Failures failures = new Failures();

    static Stream<Arguments> hubUnavailable() {
        return Stream.of(
                Arguments.of("no connection from the pool (PostgreSQL refusing connections)",
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                                new SQLTransientConnectionException("HikariPool-1 - Connection is not available",
                                        new ConnectException("Connection refused")))),
                Arguments.of("a transaction that could not begin (TransactionTemplate of the idempotent repository)",
                        new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                                new SQLTransientConnectionException("timeout"))),
                Arguments.of("a rollback on a connection the pool closed (TransactionTemplate after a failed statement)",
                        new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))),
                Arguments.of("the connection broken under a statement (SQLState 08006)",
                        new RuntimeCamelException(new SQLException("An I/O error occurred while sending to the backend.", "08006"))),
                Arguments.of("PostgreSQL shutting down (SQLState 57P01)",
                        new SQLException("terminating connection due to administrator command", "57P01")),
                Arguments.of("PostgreSQL starting up (SQLState 57P03)",
                        new SQLException("the database system is starting up", "57P03")),
                Arguments.of("a lock not had in time",
                        new CannotAcquireLockException("lock timeout")),
                Arguments.of("the broker gone under a send",
                        new RuntimeCamelException(new UncategorizedJmsException(jms("AMQ219010",
                                new ActiveMQNotConnectedException("AMQ219010: Connection is destroyed"))))),
                Arguments.of("the consumer's session closed with its connection",
                        new org.springframework.jms.IllegalStateException(new jakarta.jms.IllegalStateException("AMQ219019: Session is closed"))),
                Arguments.of("a closed object of the broker's client",
                        jms("closed", new ActiveMQObjectClosedException())),
                Arguments.of("the lane's own verdict", new HubUnavailableException("ledger down", null)));
    }

    static Stream<Arguments> finalFailures() {
        return Stream.of(
                Arguments.of("a schema-invalid order", new InvalidMessageException("SCHEMA_INVALID", "bad")),
                Arguments.of("a carrier's refusal", new CarrierRejectedException("CARRIER_VALIDATION", "400")),
                Arguments.of("the carrier unavailable (the lane retries it, not the broker)",
                        new CarrierUnavailableException("CARRIER_UNAVAILABLE", "503")),
                Arguments.of("the carrier unreachable", new ConnectException("Connection refused")),
                Arguments.of("a constraint violated", new DuplicateKeyException("duplicate")),
                Arguments.of("data the ledger refuses (SQLState 23502)",
                        new DataIntegrityViolationException("null", new SQLException("not null", "23502"))),
                Arguments.of("a JMS failure that is no lost connection", jms("bad selector", null)),
                Arguments.of("a bug", new NullPointerException()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void hubUnavailable(String what, Throwable failure) {
        assertThat(Failures.isHubUnavailable(failure)).isTrue();
        assertThat(failures.hubUnavailable(caught(failure))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void finalFailures(String what, Throwable failure) {
        assertThat(Failures.isHubUnavailable(failure)).isFalse();
        assertThat(failures.hubUnavailable(caught(failure))).isFalse();
    }

    @Test
    void theFailureStillOnTheExchangeCountsToo() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setException(new CannotGetJdbcConnectionException("no connection"));

        assertThat(failures.hubUnavailable(exchange)).isTrue();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        IOException first = new IOException("first");
        IOException second = new IOException("second", first);
        first.initCause(second);

        assertThat(Failures.isHubUnavailable(first)).isFalse();
        assertThat(Failures.isHubUnavailable(null)).isFalse();
    }

    private static JMSException jms(String message, Exception cause) {
        JMSException jms = new JMSException(message);
        jms.initCause(cause);
        return jms;
    }

    private static Exchange caught(Throwable failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        return exchange;
    }
}

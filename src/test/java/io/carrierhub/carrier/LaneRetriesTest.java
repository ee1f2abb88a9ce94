package io.carrierhub.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.error.CarrierUnavailableException;
import io.carrierhub.error.Failures;
import io.carrierhub.error.HubUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class LaneRetriesTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    static final CarrierProperties CARRIER = new CarrierProperties(null, URI.create("http://localhost/x"),
            new CarrierProperties.Lane(1),
            new CarrierProperties.Retry(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(10), Duration.ofHours(6)),
            new CarrierProperties.Breaker(50, 10, 20, Duration.ofSeconds(30), 2));

    final LaneRetries retries = new LaneRetries(new CarrierSettings(Map.of("bring-shipment", CARRIER)), new Failures(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void delaysGrowByTheMultiplierUpToTheMaximum() {
        CarrierUnavailableException failure = new CarrierUnavailableException("CARRIER_UNAVAILABLE", "503");
        assertThat(retries.delay(CARRIER, 1, failure, false)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retries.delay(CARRIER, 4, failure, false)).isEqualTo(Duration.ofSeconds(8));
        assertThat(retries.delay(CARRIER, 30, failure, false)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aRetryAfterSetsTheDelayAndAnOpenBreakerWaitsItsOpenTime() {
        assertThat(retries.delay(CARRIER, 1, new CarrierUnavailableException("CARRIER_THROTTLED", "429", Duration.ofSeconds(2)), false))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(retries.delay(CARRIER, 1, null, true)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aTransientFailureSchedulesTheNextAttemptOnTheLane() {
        Exchange exchange = failed(new ConnectException("refused"));

        retries.scheduleNext(exchange);

        assertThat(exchange.getProperty(LaneRetries.RETRY_LATER, Boolean.class)).isTrue();
        assertThat(exchange.getIn().getHeader(LaneRetries.ATTEMPT)).isEqualTo(1);
        assertThat(exchange.getIn().getHeader(LaneRetries.SCHEDULED_DELIVERY)).isEqualTo(NOW.plusSeconds(1).toEpochMilli());
        assertThat(exchange.getIn().getHeader(LaneRetries.LAST_ERROR_CODE)).isEqualTo("CARRIER_UNREACHABLE");
    }

    @Test
    void pastTheHorizonTheLastReasonIsKept() {
        Exchange exchange = failed(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("b")));
        exchange.getIn().setHeader(LaneRetries.ATTEMPT, 40);
        exchange.getIn().setHeader(LaneRetries.FIRST_FAILED_AT, NOW.minus(Duration.ofHours(6)).toEpochMilli());
        exchange.getIn().setHeader(LaneRetries.LAST_ERROR_CODE, "CARRIER_UNAVAILABLE");
        exchange.getIn().setHeader(LaneRetries.LAST_ERROR_REASON, "bring-shipment answered HTTP 503");

        retries.scheduleNext(exchange);

        assertThat(exchange.getProperty(LaneRetries.RETRY_LATER, Boolean.class)).isFalse();
        assertThat(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))
                .isInstanceOf(CarrierUnavailableException.class)
                .hasMessageContaining("HTTP 503").hasMessageContaining("gave up after 41 attempts in 21600 s");
    }

    @Test
    void aRefusalIsNotRetried() {
        Exchange exchange = failed(new CarrierRejectedException("CARRIER_VALIDATION", "400"));

        retries.scheduleNext(exchange);

        assertThat(exchange.getProperty(LaneRetries.RETRY_LATER, Boolean.class)).isFalse();
        assertThat(exchange.getIn().getHeader(LaneRetries.ATTEMPT)).isNull();
    }

    @Test
    void theLedgerDatabaseDownIsNoCarrierFailureAndRollsTheOrderBack() {
        // the pool's failure carries the refused connection to PostgreSQL: an IOException, yet not the carrier's
        CannotGetJdbcConnectionException noConnection = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available",
                        new ConnectException("Connection refused")));
        Exchange exchange = failed(noConnection);

        assertThat(LaneRetries.isTransient(noConnection)).isFalse();
        assertThatThrownBy(() -> retries.scheduleNext(exchange))
                .isInstanceOf(HubUnavailableException.class)
                .hasFieldOrPropertyWithValue("code", "HUB_UNAVAILABLE")
                .hasCause(noConnection);
        assertThat(exchange.getIn().getHeader(LaneRetries.ATTEMPT)).isNull();
    }

    private static Exchange failed(Throwable failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty("hubCarrier", "bring-shipment");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        return exchange;
    }
}

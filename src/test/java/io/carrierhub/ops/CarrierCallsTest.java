package io.carrierhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.TestDatabases;
import io.carrierhub.TestDatabases.Database;
import io.carrierhub.TestDatabases.OnEachDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A carrier call goes into the audit with the outcome it led to, on the two databases the hub runs on: once, whether
 * the outcome's transaction commits or rolls back before another outcome writes it.
 */
class CarrierCallsTest {

    @BeforeEach
    void emptyTable() {
        TestDatabases.all().forEach(database -> database.jdbc().update("DELETE FROM hub_carrier_call"));
    }

    @OnEachDatabase
    void aCallIsWrittenInTheOutcomesTransactionAndOnlyThere(Database database) {
        CarrierCalls calls = carrierCalls(database);
        Exchange exchange = called(calls, "SO-1");

        new TransactionTemplate(database.transactions()).executeWithoutResult(outcome -> calls.record(exchange));
        calls.record(exchange);

        assertThat(audited(database, "SO-1")).containsExactly("200");
    }

    @OnEachDatabase
    void aCallWhoseOutcomeRolledBackIsWrittenByTheOutcomeThatFollows(Database database) {
        CarrierCalls calls = carrierCalls(database);
        Exchange exchange = called(calls, "SO-2");

        new TransactionTemplate(database.transactions()).executeWithoutResult(outcome -> {
            calls.record(exchange);
            outcome.setRollbackOnly();
        });
        assertThat(audited(database, "SO-2")).isEmpty();
        calls.record(exchange);

        assertThat(audited(database, "SO-2")).containsExactly("200");
    }

    private static CarrierCalls carrierCalls(Database database) {
        CarrierCallAudit audit = new CarrierCallAudit(database.jdbc(), new AuditMasking(List.of(), List.of()),
                new AuditProperties(List.of(), 20_000));
        return new CarrierCalls(new HubMetrics(new SimpleMeterRegistry()), audit, Clock.systemUTC());
    }

    /** An exchange on which the lane made one call to the carrier, answered 200. */
    private static Exchange called(CarrierCalls calls, String orderId) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty("hubOrderId", orderId);
        exchange.getIn().setBody("<request/>");
        calls.started(exchange);
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getIn().setBody("<answer/>");
        calls.finished(exchange, "bring-shipment");
        return exchange;
    }

    private static List<String> audited(Database database, String orderId) {
        return database.jdbc().queryForList("SELECT status FROM hub_carrier_call WHERE order_id = ?", String.class, orderId);
    }
}

package io.carrierhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.carrierhub.TestDatabases;
import io.carrierhub.TestDatabases.Database;
import io.carrierhub.TestDatabases.OnEachDatabase;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.MessageFormat;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.OrderMessage;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order ledger on the two databases the hub runs on: the embedded H2 file database of the default setup (same
 * URL options as {@code application.yaml}) and PostgreSQL (embedded), shared through {@link TestDatabases}. Every
 * test runs on both, on the schema Flyway made, with the ledger tables emptied before it.
 */
class OrderLedgerTest {

    /** A time with microseconds, in a zone that is not UTC: what comes back must be the same instant. */
    private static final Instant START = Instant.parse("2026-11-22T09:36:27.123456Z");
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final OrderCodec codec = new OrderCodec();
    private final MutableClock clock = new MutableClock(START, OSLO);

    @BeforeEach
    void emptyLedger() {
        TestDatabases.all().forEach(database -> {
            database.jdbc().update("DELETE FROM hub_order_reference");
            database.jdbc().update("DELETE FROM hub_order");
        });
    }

    @OnEachDatabase
    void flywayMigratesTheSchemaCleanly(Database database) {
        assertThat(database.migration().success).isTrue();
        assertThat(database.migration().migrationsExecuted).isPositive();
        assertThat(database.flyway().info().pending()).isEmpty();
        assertThat(database.flyway().info().applied()).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        assertThat(database.flyway().validateWithResult().validationSuccessful).isTrue();
        assertThat(database.flyway().migrate().migrationsExecuted).as("a second migrate has nothing to do").isZero();
    }

    @OnEachDatabase
    void receivedRecordsANewOrderAndKeepsNoDocumentBeforeTheCarrierAcceptsIt(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.xml");

        ledger.received(create);

        LedgerEntry entry = ledger.find("SO-100234").orElseThrow();
        assertThat(entry.orderId()).isEqualTo("SO-100234");
        assertThat(entry.carrier()).isEqualTo("bring-shipment");
        assertThat(entry.lastAction()).isEqualTo("CREATE");
        assertThat(entry.status()).isEqualTo(LedgerStatus.RECEIVED);
        assertThat(entry.orderBody()).isNull();
        assertThat(entry.references()).isEmpty();
        assertThat(entry.errorCode()).isNull();
        assertThat(entry.errorReason()).isNull();
    }

    @OnEachDatabase
    void receivedAgainUpdatesTheOneRowKeepsTheDocumentAndClearsTheError(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.xml");
        ledger.received(create);
        ledger.accepted(create, List.of(reference("SHIPMENT", "70438101015432113")));
        clock.advance(Duration.ofMinutes(1));
        ledger.rejected("SO-100234", "CARRIER_UNAVAILABLE", "Bring answered 503");
        clock.advance(Duration.ofMinutes(1));

        ledger.received(sample("shipment-cancel.json")); // a cancel carries no order: the one kept stays

        LedgerEntry entry = ledger.find("SO-100234").orElseThrow();
        assertThat(entry.lastAction()).isEqualTo("CANCEL");
        assertThat(entry.status()).isEqualTo(LedgerStatus.RECEIVED);
        assertThat(entry.orderBody()).isEqualTo(create.body());
        assertThat(entry.errorCode()).isNull();
        assertThat(entry.errorReason()).isNull();
        assertThat(entry.createdAt().toInstant()).isEqualTo(START);
        assertThat(entry.updatedAt().toInstant()).isEqualTo(START.plus(Duration.ofMinutes(2)));
        assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM hub_order", Integer.class)).isOne();
    }

    @OnEachDatabase
    void acceptedCreateKeepsTheErpsOwnBody(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.xml");
        ledger.received(create);

        ledger.accepted(create, List.of(reference("SHIPMENT", "70438101015432113")));

        LedgerEntry entry = ledger.find("SO-100234").orElseThrow();
        assertThat(entry.orderBody()).as("the ERP's bytes, not re-marshalled").isEqualTo(create.body());
        assertThat(ledger.order(entry)).usingRecursiveComparison().isEqualTo(create.order());
    }

    @OnEachDatabase
    void aJsonOrderIsKeptAsJson(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.json");
        ledger.received(create);

        ledger.accepted(create, List.of(reference("SHIPMENT", "70438101015432113")));

        LedgerEntry entry = ledger.find("SO-100234").orElseThrow();
        assertThat(entry.orderBody()).isEqualTo(create.body());
        assertThat(ledger.order(entry)).usingRecursiveComparison().isEqualTo(create.order());
    }

    @OnEachDatabase
    void anOrderRecordedBeforeTheErpsBodyWasKeptIsReadFromTheHubsXml(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.xml");
        ledger.received(create);
        database.jdbc().update("UPDATE hub_order SET status = 'ACCEPTED', order_document = ? WHERE order_id = ?",
                codec.writeOrder(create.order(), MessageFormat.XML), "SO-100234");

        assertThat(ledger.order(ledger.find("SO-100234").orElseThrow())).usingRecursiveComparison().isEqualTo(create.order());
    }

    @OnEachDatabase
    void anUpdateReplacesTheKeptDocumentOnlyOnceAccepted(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.xml");
        ledger.received(create);
        ledger.accepted(create, List.of(reference("SHIPMENT", "70438101015432113")));
        OrderMessage update = sample("shipment-update.xml");

        ledger.received(update);
        assertThat(ledger.find("SO-100234").orElseThrow().orderBody()).as("the update, not yet accepted")
                .isEqualTo(create.body());
        ledger.accepted(update, List.of());

        LedgerEntry entry = ledger.find("SO-100234").orElseThrow();
        assertThat(entry.lastAction()).isEqualTo("UPDATE");
        assertThat(entry.orderBody()).isEqualTo(update.body());
        assertThat(ledger.order(entry).getInstruction()).extracting(Instruction::getValue).contains("Leave with the neighbour in flat 2B");
    }

    @OnEachDatabase
    void aRefusedUpdateLeavesTheAcceptedDocument(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.xml");
        ledger.received(create);
        ledger.accepted(create, List.of(reference("SHIPMENT", "70438101015432113")));

        ledger.received(sample("shipment-update.xml"));
        ledger.rejected("SO-100234", "CARRIER_VALIDATION", "bring-shipment answered HTTP 400 VALIDATION_ERROR: ...");

        assertThat(ledger.find("SO-100234").orElseThrow().orderBody()).isEqualTo(create.body());
    }

    @OnEachDatabase
    void acceptedRecordsTheCarrierReferencesInTheCarriersOrder(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.xml");
        ledger.received(create);
        clock.advance(Duration.ofSeconds(3));

        // package ids deliberately not in alphabetical order: the ledger keeps the carrier's order within a type
        ledger.accepted(create, List.of(reference("SHIPMENT", "70438101015432113"),
                reference("PACKAGE", "370438101015432122"), reference("PACKAGE", "370438101015432111")));

        LedgerEntry entry = ledger.find("SO-100234").orElseThrow();
        assertThat(entry.status()).isEqualTo(LedgerStatus.ACCEPTED);
        assertThat(entry.updatedAt().toInstant()).isEqualTo(START.plusSeconds(3));
        assertThat(entry.reference("SHIPMENT")).hasValue("70438101015432113");
        assertThat(entry.references()).extracting(CarrierReference::getType, CarrierReference::getValue).containsExactly(
                tuple("PACKAGE", "370438101015432122"),
                tuple("PACKAGE", "370438101015432111"),
                tuple("SHIPMENT", "70438101015432113"));
    }

    @OnEachDatabase
    void acceptedReplacesEarlierReferencesOfTheSameTypeAndKeepsTheOthers(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.xml");
        ledger.received(create);
        ledger.accepted(create, List.of(reference("SHIPMENT", "70438101015432113"),
                reference("PACKAGE", "370438101015432111"), reference("PACKAGE", "370438101015432122")));
        OrderMessage update = sample("shipment-update.xml");
        ledger.received(update);

        ledger.accepted(update, List.of(reference("PACKAGE", "370438101015432199")));

        LedgerEntry entry = ledger.find("SO-100234").orElseThrow();
        assertThat(entry.status()).isEqualTo(LedgerStatus.ACCEPTED);
        assertThat(entry.references()).extracting(CarrierReference::getType, CarrierReference::getValue).containsExactly(
                tuple("PACKAGE", "370438101015432199"),
                tuple("SHIPMENT", "70438101015432113"));
    }

    @OnEachDatabase
    void acceptedCancelMarksTheOrderCancelled(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.xml");
        ledger.received(create);
        ledger.accepted(create, List.of(reference("SHIPMENT", "70438101015432113")));
        OrderMessage cancel = sample("shipment-cancel.xml");
        ledger.received(cancel);

        ledger.accepted(cancel, List.of());

        LedgerEntry entry = ledger.find("SO-100234").orElseThrow();
        assertThat(entry.status()).isEqualTo(LedgerStatus.CANCELLED);
        assertThat(entry.lastAction()).isEqualTo("CANCEL");
        assertThat(entry.reference("SHIPMENT")).as("the shipment a cancel refers to stays known").hasValue("70438101015432113");
    }

    @OnEachDatabase
    void rejectedRecordsTheCodeAndTheReason(Database database) {
        OrderLedger ledger = ledgerOn(database);
        ledger.received(sample("booking-create.json"));
        clock.advance(Duration.ofSeconds(1));

        ledger.rejected("SO-100235", "CARRIER_REJECTED", "Bring: the postal code 0000 does not exist");

        LedgerEntry entry = ledger.find("SO-100235").orElseThrow();
        assertThat(entry.status()).isEqualTo(LedgerStatus.REJECTED);
        assertThat(entry.errorCode()).isEqualTo("CARRIER_REJECTED");
        assertThat(entry.errorReason()).isEqualTo("Bring: the postal code 0000 does not exist");
        assertThat(entry.updatedAt().toInstant()).isEqualTo(START.plusSeconds(1));
    }

    @OnEachDatabase
    void rejectedCutsALongReasonTo4000Characters(Database database) {
        OrderLedger ledger = ledgerOn(database);
        ledger.received(sample("booking-create.xml"));
        String reason = "æøå-reason-".repeat(500); // 5500 characters, not all ASCII

        ledger.rejected("SO-100235", "SCHEMA_INVALID", reason);

        assertThat(ledger.find("SO-100235").orElseThrow().errorReason()).hasSize(4000).isEqualTo(reason.substring(0, 4000));
    }

    @OnEachDatabase
    void rejectedLeavesAnOrderTheLedgerNeverSawAlone(Database database) {
        OrderLedger ledger = ledgerOn(database);

        ledger.rejected("SO-999999", "INVALID_XML", "not well-formed");

        assertThat(ledger.find("SO-999999")).isEmpty();
    }

    @OnEachDatabase
    void findGivesTheTimestampsAsInstantsWithAnOffset(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.json");
        ledger.received(create);
        clock.advance(Duration.ofHours(26).plusNanos(1_000)); // across midnight, with a microsecond
        ledger.accepted(create, List.of(reference("SHIPMENT", "70438101015432113")));

        LedgerEntry entry = ledger.find("SO-100234").orElseThrow();

        // H2 gives back the offset written (+01:00), PostgreSQL gives UTC: both are the same instant
        assertThat(entry.createdAt().getOffset()).isNotNull();
        assertThat(entry.createdAt().toInstant()).isEqualTo(START);
        assertThat(entry.updatedAt().toInstant()).isEqualTo(START.plus(Duration.ofHours(26)).plusNanos(1_000));
        assertThat(entry.updatedAt()).isAfter(entry.createdAt());
        assertThat(ledger.find("SO-000000")).isEmpty();
    }

    /** What a carrier's request gives as the order's time of receipt (Bring's shipment request): its first message's. */
    @OnEachDatabase
    void receivedAtIsWhenTheOrdersFirstMessageCame(Database database) {
        OrderLedger ledger = ledgerOn(database);
        ledger.received(sample("shipment-create.xml"));
        clock.advance(Duration.ofMinutes(5));
        ledger.received(sample("shipment-update.xml"));

        assertThat(ledger.receivedAt("SO-100234")).hasValueSatisfying(at -> assertThat(at.toInstant()).isEqualTo(START));
        assertThat(ledger.receivedAt("SO-000000")).isEmpty();
    }

    @OnEachDatabase
    void answeredOnlyOnceTheCarrierSaidYesOrTheOrderWasRejected(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.xml");
        OrderMessage booking = sample("booking-create.xml");

        assertThat(ledger.answered("SO-100234")).as("unknown order").isFalse();
        ledger.received(create);
        ledger.received(booking);
        assertThat(ledger.answered("SO-100234")).as("received, not yet answered").isFalse();

        ledger.accepted(create, List.of(reference("SHIPMENT", "70438101015432113")));
        ledger.rejected("SO-100235", "CARRIER_REJECTED", "refused");

        assertThat(ledger.answered("SO-100234")).as("accepted").isTrue();
        assertThat(ledger.answered("SO-100235")).as("rejected").isTrue();
        ledger.received(sample("shipment-update.xml"));
        assertThat(ledger.answered("SO-100234")).as("a new message for it is being handled").isFalse();
    }

    /**
     * Two consumers (or two hubs) taking different messages of one new order at the same moment, each within a
     * transaction of its own as the intake's ledger step receives it: a lost race costs an update, not the transaction.
     */
    @OnEachDatabase
    void messagesOfOneNewOrderReceivedAtOnceMakeOneRow(Database database) throws Exception {
        OrderLedger ledger = ledgerOn(database);
        TransactionTemplate ledgerStep = new TransactionTemplate(database.transactions());
        List<OrderMessage> messages = List.of(sample("shipment-create.xml"), sample("shipment-update.xml"),
                sample("shipment-cancel.xml"), sample("shipment-update.json"));
        ExecutorService threads = Executors.newFixedThreadPool(messages.size());
        try {
            for (int round = 0; round < 20; round++) {
                database.jdbc().update("DELETE FROM hub_order");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> receipts = messages.stream().map(message -> threads.submit(() -> {
                    start.await();
                    ledgerStep.executeWithoutResult(step -> ledger.received(message));
                    return null;
                })).toList();
                start.countDown();
                for (Future<Object> receipt : receipts) {
                    receipt.get(30, TimeUnit.SECONDS);
                }
                assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM hub_order", Integer.class)).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @OnEachDatabase
    void writesJoinTheCallersTransaction(Database database) {
        OrderLedger ledger = ledgerOn(database);
        TransactionTemplate transaction = new TransactionTemplate(database.transactions());

        transaction.executeWithoutResult(status -> {
            ledger.received(sample("shipment-create.xml"));
            assertThat(ledger.find("SO-100234")).as("seen inside the transaction").isPresent();
            status.setRollbackOnly();
        });

        assertThat(ledger.find("SO-100234")).as("rolled back with it").isEmpty();
    }

    @OnEachDatabase
    void laterMessagesWaitBehindTheOneWaitingForItsNextAttempt(Database database) {
        OrderLedger ledger = ledgerOn(database);
        OrderMessage create = sample("shipment-create.xml");
        OrderMessage update = sample("shipment-update.xml");
        ledger.received(create);
        ledger.received(update);

        ledger.waiting(create);
        ledger.waiting(update);

        assertThat(ledger.mustWait(create)).as("the create goes on").isFalse();
        assertThat(ledger.mustWait(update)).as("the update waits behind it").isTrue();
        ledger.accepted(create, List.of());
        assertThat(ledger.mustWait(update)).isFalse();

        ledger.waiting(update);
        ledger.stopWaiting(create);
        assertThat(ledger.mustWait(create)).as("only the waiting message itself lets the order go").isTrue();
        ledger.stopWaiting(update);
        assertThat(ledger.mustWait(create)).isFalse();
        assertThatThrownBy(() -> ledger.mustWait(sample("booking-create.xml"))).hasMessageContaining("is not in the ledger");
    }

    private OrderLedger ledgerOn(Database database) {
        return new OrderLedger(database.jdbc(), database.transactions(), codec, clock);
    }

    private OrderMessage sample(String name) {
        try {
            return codec.read(Files.readAllBytes(Path.of("samples", name)), null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CarrierReference reference(String type, String value) {
        return CarrierReferences.of(type, value);
    }

    /** A clock the test moves forward, so that created and updated times differ by a known amount. */
    static final class MutableClock extends Clock {

        private Instant now;
        private final ZoneId zone;

        MutableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MutableClock(now, zone);
        }
    }
}

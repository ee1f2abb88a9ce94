package io.carrierhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import io.carrierhub.TestDatabases;
import io.carrierhub.TestDatabases.Database;
import io.carrierhub.TestDatabases.OnEachDatabase;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.model.Driver;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.GeoPoint;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The orders' status history on H2 and PostgreSQL, as {@link OrderLedgerTest} tests the ledger. */
class OrderEventsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T17:42:11.250Z"), ZoneOffset.UTC);

    @BeforeEach
    void emptyHistory() {
        TestDatabases.all().forEach(database -> database.jdbc().update("DELETE FROM hub_order_event"));
    }

    @OnEachDatabase
    void anEventComesBackAsItWasRecordedWithItsSequence(Database database) {
        OrderEvents events = eventsOn(database.pool());
        TmsEvent delivered = event("SO-100234", EventType.DELIVERED);
        delivered.setOccurredAt(XmlDates.parse("2026-11-23T18:42:10.123456+01:00"));
        delivered.setCarrierStatus("DELIVERED");
        delivered.getCarrierReference().add(CarrierReferences.of("SHIPMENT", "70438103433199319"));
        delivered.getCarrierReference().add(CarrierReferences.of("PACKAGE", "370438103433199326"));
        delivered.setDriver(driver("Kari Nordmann", "+47 912 34 567"));
        delivered.setLocation(point("60.3913", "5.3221"));
        delivered.setNote("Left at the reception");

        long sequence = events.record(delivered);

        assertThat(sequence).isOne();
        assertThat(delivered.getSequence()).isOne();
        List<TmsEvent> history = events.history("SO-100234");
        assertThat(history).hasSize(1);
        TmsEvent recorded = history.get(0);
        // the same instant; H2 keeps the offset written, PostgreSQL gives it in UTC
        assertThat(XmlDates.toOffsetDateTime(recorded.getOccurredAt()).toInstant())
                .isEqualTo(Instant.parse("2026-11-23T17:42:10.123456Z"));
        assertThat(recorded).usingRecursiveComparison().ignoringFields("occurredAt").isEqualTo(delivered);
        assertThat(database.jdbc().queryForObject("SELECT recorded_at FROM hub_order_event", OffsetDateTime.class)
                .toInstant()).isEqualTo(clock.instant());
    }

    @OnEachDatabase
    void theOptionalPartsMayBeMissing(Database database) {
        OrderEvents events = eventsOn(database.pool());
        TmsEvent accepted = event("SO-100235", EventType.ACCEPTED);
        accepted.setDriver(driver(null, "+47 400 00 000"));

        events.record(accepted);

        TmsEvent recorded = events.history("SO-100235").get(0);
        assertThat(recorded).usingRecursiveComparison().isEqualTo(accepted);
        assertThat(recorded.getLocation()).isNull();
        assertThat(recorded.getCarrierReference()).isEmpty();
    }

    @OnEachDatabase
    void eachOrderCountsItsOwnEventsInTheOrderRecorded(Database database) {
        OrderEvents events = eventsOn(database.pool());

        events.record(event("SO-1", EventType.ACCEPTED));
        events.record(event("SO-2", EventType.ACCEPTED));
        events.record(event("SO-1", EventType.PICKED_UP));
        events.record(event("SO-1", EventType.DELIVERED));

        assertThat(events.history("SO-1")).extracting(TmsEvent::getSequence, TmsEvent::getEventType).containsExactly(
                tuple(1L, EventType.ACCEPTED),
                tuple(2L, EventType.PICKED_UP),
                tuple(3L, EventType.DELIVERED));
        assertThat(events.history("SO-2")).extracting(TmsEvent::getSequence).containsExactly(1L);
        assertThat(events.history("SO-3")).isEmpty();
    }

    /**
     * Two hub instances, each with two consumers, recording events of one order at the same moments, each within a
     * transaction of its own as a lane's ledger step records it: a lost race costs another try, not the transaction.
     */
    @OnEachDatabase
    void eventsRecordedAtOnceByTwoHubsGetEveryNumberOnce(Database database) throws Exception {
        int perWriter = 15;
        try (HikariDataSource secondHub = database.newPool()) {
            List<HikariDataSource> writers = List.of(database.pool(), database.pool(), secondHub, secondHub);
            ExecutorService threads = Executors.newFixedThreadPool(writers.size());
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<Long>>> sequences = new ArrayList<>();
                for (HikariDataSource hub : writers) {
                    OrderEvents writer = eventsOn(hub);
                    TransactionTemplate ledgerStep = new TransactionTemplate(new DataSourceTransactionManager(hub));
                    sequences.add(threads.submit(() -> {
                        start.await();
                        List<Long> mine = new ArrayList<>();
                        for (int i = 0; i < perWriter; i++) {
                            mine.add(ledgerStep.execute(step -> writer.record(event("SO-RACE", EventType.IN_TRANSIT))));
                        }
                        return mine;
                    }));
                }
                start.countDown();
                List<Long> all = new ArrayList<>();
                for (Future<List<Long>> writer : sequences) {
                    List<Long> mine = writer.get(60, TimeUnit.SECONDS);
                    assertThat(mine).as("one writer's events, numbered in the order it recorded them").isSorted();
                    all.addAll(mine);
                }
                long total = (long) perWriter * writers.size();
                assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
                assertThat(eventsOn(database.pool()).history("SO-RACE")).extracting(TmsEvent::getSequence)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @OnEachDatabase
    void recordJoinsTheCallersTransaction(Database database) {
        OrderEvents events = eventsOn(database.pool());
        TransactionTemplate transaction = new TransactionTemplate(database.transactions());

        transaction.executeWithoutResult(status -> {
            events.record(event("SO-100234", EventType.ACCEPTED));
            assertThat(events.history("SO-100234")).as("seen inside the transaction").hasSize(1);
            status.setRollbackOnly();
        });

        assertThat(events.history("SO-100234")).as("rolled back with it").isEmpty();
    }

    private OrderEvents eventsOn(DataSource database) {
        return new OrderEvents(new JdbcTemplate(database), clock);
    }

    private static TmsEvent event(String orderId, EventType type) {
        TmsEvent event = new TmsEvent();
        event.setOrderId(orderId);
        event.setCarrier("bring-shipment");
        event.setEventType(type);
        event.setOccurredAt(XmlDates.parse("2026-11-22T10:36:29.412+01:00"));
        return event;
    }

    private static Driver driver(String name, String phone) {
        Driver driver = new Driver();
        driver.setName(name);
        driver.setPhone(phone);
        return driver;
    }

    private static GeoPoint point(String latitude, String longitude) {
        GeoPoint point = new GeoPoint();
        point.setLatitude(new BigDecimal(latitude));
        point.setLongitude(new BigDecimal(longitude));
        return point;
    }
}

package io.carrierhub.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carrierhub.TestDatabases;
import io.carrierhub.TestDatabases.Database;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The polls' ledger queries and Quartz's job store, on H2 and on PostgreSQL. */
class PollLedgerTest {

    static final String CARRIER = "poll-ledger-test";
    static final String OTHER = "poll-ledger-test-other";
    static final String PLANNED = "poll-ledger-test-planned";
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    static volatile CountDownLatch fired;

    @TestDatabases.OnEachDatabase
    void openOrdersComeOldestFirstInPagesWithTheirReferencesAndWithoutEndedOrRefusedOnes(Database database) {
        PollLedger ledger = prepared(database);
        order(database, "PL-3", "ACCEPTED", T0.plusMinutes(3));
        order(database, "PL-1", "ACCEPTED", T0.plusMinutes(1));
        order(database, "PL-2", "REJECTED", T0.plusMinutes(2));
        order(database, "PL-4", "ACCEPTED", T0.plusMinutes(4));
        database.jdbc().update("INSERT INTO hub_order_reference (order_id, ref_type, ref_value, position) VALUES ('PL-1', 'SHIPMENT', '7043', 0)");
        ledger.record(event("PL-4", EventType.DELIVERED, "DELIVERED", T0.plusHours(1)), true);

        List<PollLedger.OpenPage> first = ledger.openOrders(CARRIER, null, null, 100);

        assertThat(first).extracting(page -> page.order().orderId()).containsExactly("PL-1", "PL-3");
        assertThat(first.get(0).order().reference("SHIPMENT")).isEqualTo("7043");
        PollLedger.OpenPage one = first.get(0);
        assertThat(ledger.openOrders(CARRIER, one.createdAt(), one.order().orderId(), 100))
                .extracting(page -> page.order().orderId()).containsExactly("PL-3");
    }

    /**
     * A poll walks the open orders of its own carriers, a carrier at a time, a page at a time; the open orders of
     * other carriers are never read for it (before, each run paged through every carrier's open orders).
     */
    @TestDatabases.OnEachDatabase
    void aPollWalksTheOpenOrdersOfItsCarriersOnly(Database database) {
        PollLedger ledger = prepared(database);
        order(database, "PL-A1", OTHER, "ACCEPTED", T0.plusMinutes(1));
        order(database, "PL-A2", OTHER, "ACCEPTED", T0.plusMinutes(4));
        order(database, "PL-B1", CARRIER, "ACCEPTED", T0.plusMinutes(2));
        order(database, "PL-B2", CARRIER, "ACCEPTED", T0.plusMinutes(3));
        order(database, "PL-B3", CARRIER, "ACCEPTED", T0.plusMinutes(5));
        order(database, "PL-C1", "poll-ledger-test-not-followed", "ACCEPTED", T0);
        StatusPolls polls = new StatusPolls(List.of(new WalkingPoll(Set.of(CARRIER, OTHER))),
                new PollSettings(Map.of("walking-poll", new PollProperties(true, "0 0/5 * * * ?", 2, 10))), ledger);

        List<List<String>> pages = new ArrayList<>();
        PollPage page = null;
        do {
            page = polls.nextPage("walking-poll", page);
            pages.add(page.followed().stream().map(OpenOrder::orderId).toList());
        } while (page.more());

        assertThat(pages).containsExactly(List.of("PL-B1", "PL-B2"), List.of("PL-B3"), List.of("PL-A1", "PL-A2"), List.of());
    }

    @TestDatabases.OnEachDatabase
    void ordersReceivedAtTheSameMomentAreNeitherSkippedNorRepeatedAcrossPages(Database database) {
        PollLedger ledger = prepared(database);
        order(database, "PL-T2", "ACCEPTED", T0);
        order(database, "PL-T1", "ACCEPTED", T0);
        order(database, "PL-T3", "ACCEPTED", T0);
        order(database, "PL-T0", "ACCEPTED", T0.minusSeconds(1));

        List<String> walked = new ArrayList<>();
        List<PollLedger.OpenPage> page = ledger.openOrders(CARRIER, null, null, 2);
        while (!page.isEmpty()) {
            page.forEach(row -> walked.add(row.order().orderId()));
            PollLedger.OpenPage last = page.get(page.size() - 1);
            page = ledger.openOrders(CARRIER, last.createdAt(), last.order().orderId(), 2);
        }

        assertThat(walked).containsExactly("PL-T0", "PL-T1", "PL-T2", "PL-T3");
    }

    /**
     * On PostgreSQL a page is read as one range of index hub_order_open_by_carrier, in the index's order: no reading
     * of the open orders before the page, and no sort of them all.
     */
    @Test
    void onPostgresqlAPageIsOneRangeOfTheOpenOrdersIndex() {
        Database postgres = TestDatabases.postgresql();
        prepared(postgres);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            OffsetDateTime createdAt = T0.plusSeconds(i);
            rows.add(new Object[] {"PL-P" + i, PLANNED, "CREATE", "ACCEPTED", createdAt, createdAt});
        }
        try {
            postgres.jdbc().batchUpdate("""
                    INSERT INTO hub_order (order_id, carrier, last_action, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", rows);
            postgres.jdbc().execute("ANALYZE hub_order");

            String plan = String.join("\n", postgres.jdbc().queryForList("EXPLAIN " + PollLedger.OPEN_ORDERS, String.class,
                    PLANNED, "ACCEPTED", T0.plusSeconds(4000), "PL-P4000", 50));

            assertThat(plan).contains("Index Scan using hub_order_open_by_carrier")
                    .containsPattern("Index Cond: .*ROW\\(created_at, \\(order_id\\)::text\\) > ROW\\(")
                    .doesNotContain("Sort");
        } finally {
            prepared(postgres); // the 5,000 rows are not left to other tests on this database
        }
    }

    @TestDatabases.OnEachDatabase
    void anEventIsRecordedOnceAndAnEndedOrderTakesNoMore(Database database) {
        PollLedger ledger = prepared(database);
        order(database, "PL-5", "ACCEPTED", T0);

        assertThat(ledger.record(event("PL-5", EventType.IN_TRANSIT, "IN_TRANSIT", T0.plusMinutes(5)), false)).isTrue();
        assertThat(ledger.record(event("PL-5", EventType.IN_TRANSIT, "IN_TRANSIT", T0.plusMinutes(6)), false))
                .as("the same state again").isFalse();
        assertThat(ledger.record(event("PL-5", EventType.PICKED_UP, "HANDED_IN", T0.plusMinutes(4)), false))
                .as("older than the last status").isFalse();
        assertThat(ledger.record(event("PL-5", EventType.DELIVERED, "DELIVERED", T0.plusMinutes(9)), true)).isTrue();
        assertThat(ledger.record(event("PL-5", EventType.DEVIATION, "DEVIATION", T0.plusMinutes(10)), false))
                .as("after the end").isFalse();
        assertThat(database.jdbc().queryForObject("SELECT carrier_status FROM hub_order WHERE order_id = 'PL-5'", String.class))
                .isEqualTo("DELIVERED");
    }

    @TestDatabases.OnEachDatabase
    void quartzRunsAJobFromTheClusteredJobStore(Database database) throws Exception {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("camelContext", new DefaultCamelContext());
        ClusteredSchedulerFactory factory = new ClusteredSchedulerFactory(new PollSchedulerProperties(
                "ledger-test-" + database.name().replace(' ', '-'), 1, Duration.ofSeconds(5), Duration.ofSeconds(60)),
                database.pool(), beans.getBeanProvider(org.apache.camel.CamelContext.class));
        Scheduler scheduler = factory.getScheduler();
        try {
            scheduler.clear();
            fired = new CountDownLatch(2);
            scheduler.scheduleJob(JobBuilder.newJob(Fired.class).withIdentity("fired").build(),
                    TriggerBuilder.newTrigger().withIdentity("fired").startNow()
                            .withSchedule(SimpleScheduleBuilder.repeatSecondlyForTotalCount(2)).build());
            scheduler.start();
            assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        } finally {
            scheduler.clear();
            scheduler.shutdown(true);
        }
    }

    public static class Fired implements org.quartz.Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            fired.countDown();
        }
    }

    private static PollLedger prepared(Database database) {
        database.jdbc().update("DELETE FROM hub_order_reference WHERE order_id LIKE 'PL-%'");
        database.jdbc().update("DELETE FROM hub_order WHERE order_id LIKE 'PL-%'");
        return new PollLedger(database.jdbc(), Clock.systemUTC());
    }

    private static void order(Database database, String orderId, String status, OffsetDateTime createdAt) {
        order(database, orderId, CARRIER, status, createdAt);
    }

    private static void order(Database database, String orderId, String carrier, String status, OffsetDateTime createdAt) {
        database.jdbc().update("""
                INSERT INTO hub_order (order_id, carrier, last_action, status, created_at, updated_at)
                VALUES (?, ?, 'CREATE', ?, ?, ?)""", orderId, carrier, status, createdAt, createdAt);
    }

    /** A poll of two carriers that follows all their open orders. */
    record WalkingPoll(Set<String> carriers) implements StatusPoll {

        @Override
        public String name() {
            return "walking-poll";
        }

        @Override
        public boolean follows(OpenOrder order) {
            return true;
        }

        @Override
        public List<TmsEvent> check(OpenOrder order) {
            return List.of();
        }
    }

    private static TmsEvent event(String orderId, EventType type, String status, OffsetDateTime at) {
        TmsEvent event = new TmsEvent();
        event.setOrderId(orderId);
        event.setCarrier(CARRIER);
        event.setEventType(type);
        event.setCarrierStatus(status);
        event.setOccurredAt(XmlDates.of(at));
        return event;
    }
}

package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carrierhub.TestDatabases.Database;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.poll.OpenOrder;
import io.carrierhub.poll.StatusPoll;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Two hubs on one PostgreSQL database share the polls' schedule through Quartz's clustered job store: a poll on every
 * second fires once a second across both, not once on each; and a poll that runs longer than its interval is never
 * started while it runs, on either hub.
 */
class PollClusterIT {

    static final String CARRIER = "poll-cluster-test";
    static final AtomicInteger COUNTED = new AtomicInteger();
    static final AtomicInteger SLOW_RUNNING = new AtomicInteger();
    static final AtomicInteger SLOW_MOST_AT_ONCE = new AtomicInteger();
    static final AtomicInteger SLOW_RUNS = new AtomicInteger();

    @TempDir
    Path dataDirs;

    @Test
    void twoHubsFireEachPollOncePerIntervalAndNeverStartAnOverrunningPollTwice() throws Exception {
        Database postgres = TestDatabases.postgresql();
        postgres.jdbc().update("DELETE FROM hub_order WHERE carrier = ?", CARRIER);
        OffsetDateTime now = OffsetDateTime.now();
        postgres.jdbc().update("""
                INSERT INTO hub_order (order_id, carrier, last_action, status, created_at, updated_at)
                VALUES (?, ?, 'CREATE', 'ACCEPTED', ?, ?)""", "CLUSTER-" + UUID.randomUUID(), CARRIER, now, now);
        String scheduler = "cluster-it-" + UUID.randomUUID();

        try (ConfigurableApplicationContext first = hub(postgres, scheduler, 1);
             ConfigurableApplicationContext second = hub(postgres, scheduler, 2)) {
            assertThat(postgres.jdbc().queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?",
                    Integer.class, scheduler)).as("both hubs in the cluster").isEqualTo(2);
            COUNTED.set(0);
            SLOW_MOST_AT_ONCE.set(0);
            int runsBefore = SLOW_RUNS.get();
            long start = System.nanoTime();

            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10)).until(() -> SLOW_MOST_AT_ONCE.get() <= 1);

            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertThat(COUNTED.get()).as("runs of a poll on every second, in %d s on two hubs", seconds)
                    .isBetween((int) seconds - 3, (int) seconds + 1);
            assertThat(SLOW_RUNS.get() - runsBefore).as("the 2.5 s poll ran, one run after the other").isBetween(2, 5);
        }
    }

    private ConfigurableApplicationContext hub(Database postgres, String scheduler, int number) throws Exception {
        return new SpringApplicationBuilder(HubApplication.class, ClusterPolls.class).profiles("test").run(
                "--hub.data-dir=" + dataDirs.resolve("hub-" + number), "--hub.broker.in-vm-id=" + (30 + number),
                "--hub.sandbox.bring-shipment.port=" + BringTrackingPollIT.freePort(),
                "--hub.test.second-bring-port=" + BringTrackingPollIT.freePort(), "--hub.sandbox.drivoo.port=0", "--hub.sandbox.bring-po.port=0", "--hub.sandbox.bringg.tls-port=0",
                "--spring.datasource.url=" + postgres.url(), "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password(),
                "--hub.poll-scheduler.name=" + scheduler, "--hub.poll-scheduler.threads=4",
                "--hub.polls.count-poll.cron=0/1 * * * * ?", "--hub.polls.slow-poll.cron=0/1 * * * * ?");
    }

    /** The two polls of the test, in each hub. */
    static class ClusterPolls {

        @Bean
        StatusPoll countPoll() {
            return new TestPoll("count-poll", () -> COUNTED.incrementAndGet());
        }

        @Bean
        StatusPoll slowPoll(@Value("${hub.broker.in-vm-id}") int hub) {
            return new TestPoll("slow-poll", () -> {
                SLOW_MOST_AT_ONCE.accumulateAndGet(SLOW_RUNNING.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(2_500); // the poll's work, longer than its interval
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    SLOW_RUNNING.decrementAndGet();
                    SLOW_RUNS.incrementAndGet();
                }
            });
        }
    }

    /** A poll of the test orders that reports nothing: it counts its runs. */
    record TestPoll(String name, Runnable run) implements StatusPoll {

        @Override
        public Set<String> carriers() {
            return Set.of(CARRIER);
        }

        @Override
        public boolean follows(OpenOrder order) {
            return CARRIER.equals(order.carrier());
        }

        @Override
        public List<TmsEvent> check(OpenOrder order) {
            run.run();
            return List.of();
        }
    }
}

package io.carrierhub.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The embedded Artemis broker of the default profile.
 *
 * @param embedded          run a broker inside the hub (false: connect to an external one through spring.artemis.*)
 * @param dataDir           where the persistent journal lives
 * @param inVmId            the id of the in-VM acceptor the hub itself connects to (vm://&lt;id&gt;)
 * @param tcpAcceptor       the acceptor an external ERP or the artemis CLI connects to (loopback only by default)
 * @param user              the one broker user the hub and the ERP share in the embedded setup
 * @param password          its password (from the environment outside development)
 * @param queues            queues the hub writes for the ERP, made at start so that they are there (and stay) before
 *                          the first message
 * @param deadLetterQueues  the queues that get a dead-letter queue DLQ.&lt;queue&gt;
 * @param redelivery        how the broker gives again a message the hub rolled back (its database or broker was
 *                          unavailable) or never acknowledged (it died while handling it); retries of carrier calls
 *                          are the lanes' business, not the broker's
 * @param journalBufferTimeout how long the journal gathers writes before one sync to disk; null: the disk's own
 *                          sync time, measured at the first start (as {@code artemis create} does)
 * @param globalMaxSize     memory all queues together may hold before the broker pages messages to disk
 * @param pageReadSize      paged messages a queue may hold in memory again, read back from disk for its consumers
 *                          (Artemis's max-read-page-bytes, whose default is twice the page size: 20 MiB a queue)
 * @param pageSize          the size of one page file; the page being written and each page being read are held in
 *                          the heap whole (Artemis's page-size-bytes, 10 MiB by default)
 */
@ConfigurationProperties("hub.broker")
public record BrokerProperties(
        boolean embedded,
        Path dataDir,
        int inVmId,
        String tcpAcceptor,
        String user,
        String password,
        List<String> queues,
        List<String> deadLetterQueues,
        Redelivery redelivery,
        Duration journalBufferTimeout,
        DataSize globalMaxSize,
        DataSize pageReadSize,
        DataSize pageSize) {

    /**
     * The broker's redelivery of the queues the hub consumes (Artemis address settings).
     *
     * @param maxAttempts deliveries of one message before the broker moves it to DLQ.&lt;queue&gt;
     * @param delay       the wait before the first redelivery
     * @param multiplier  each further wait is the one before times this
     * @param maxDelay    the longest wait
     */
    public record Redelivery(int maxAttempts, Duration delay, double multiplier, Duration maxDelay) {

        /** How long the redeliveries of one message wait in all before it is dead-lettered: what an outage may last. */
        public Duration rideOut() {
            Duration total = Duration.ZERO;
            double wait = delay.toMillis();
            for (int attempt = 1; attempt < maxAttempts; attempt++) {
                total = total.plusMillis((long) Math.min(wait, maxDelay.toMillis()));
                wait *= multiplier;
            }
            return total;
        }
    }
}

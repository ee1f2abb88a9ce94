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
 * @param crashRedeliveries deliveries the broker allows a message that was never acknowledged (the hub died
 *                          while handling it) before it moves the message to DLQ.&lt;queue&gt;; retries of carrier
 *                          calls are the routes' business, not the broker's
 * @param journalBufferTimeout how long the journal gathers writes before one sync to disk; null: the disk's own
 *                          sync time, measured at the first start (as {@code artemis create} does)
 * @param globalMaxSize     memory all queues together may hold before the broker pages messages to disk
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
        int crashRedeliveries,
        Duration journalBufferTimeout,
        DataSize globalMaxSize) {
}

package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carrierhub.ledger.H2Compaction;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.Consumer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.connection.SingleConnectionFactory;

/**
 * What operations read over HTTP: the hub's health, with the broker, the database and Camel in it; and how the
 * embedded broker and ledger are kept.
 */
@HubTest
class OperationsIT {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    H2Compaction compaction;
    @Autowired
    ConnectionFactory connections;

    @Test
    void healthIsUpWithBrokerDatabaseAndCamel() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"UP\"").contains("\"jms\"", "\"db\"", "\"camelHealth\"", "\"carriers\"");
    }

    @Test
    void theEmbeddedBrokerSyncsAtTheDisksPaceAndPagesAFlood() {
        Configuration config = broker.getActiveMQServer().getConfiguration();
        Duration measured = Duration.parse(readString(Path.of(config.getJournalDirectory()).getParent().resolve("journal-sync-time")));

        assertThat(config.getJournalBufferTimeout_NIO()).as("this disk's sync time, not Artemis's 3.3 ms")
                .isEqualTo((int) measured.toNanos());
        assertThat(config.getGlobalMaxSize()).isEqualTo(32L * 1024 * 1024);
        AddressSettings lane = broker.getActiveMQServer().getAddressSettingsRepository().getMatch("carrier.bring-shipment");
        assertThat(lane.getAddressFullMessagePolicy()).isEqualTo(AddressFullMessagePolicy.PAGE);
        assertThat(lane.getMaxReadPageBytes()).as("paged messages read back into the heap, a queue")
                .isEqualTo(4 * 1024 * 1024);
        assertThat(lane.getPrefetchPageBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(lane.getPageSizeBytes()).as("a page, written or read, is in the heap whole").isEqualTo(1024 * 1024);
    }

    @Test
    void theBrokerClientAsksOnceWhetherAQueueExists() {
        ConnectionFactory target = ((SingleConnectionFactory) connections).getTargetConnectionFactory();

        assertThat(((ActiveMQConnectionFactory) target).isCacheDestinations()).isTrue();
    }

    @Test
    void listenersKeepTheirConsumersBetweenReceives() {
        Queue orders = broker.getActiveMQServer().locateQueue("erp.orders");
        Set<Long> consumers = consumerIds(orders);

        assertThat(consumers).isNotEmpty();
        // a listener receives for a second at a time: one that made a consumer for each receive would show new ones
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> consumerIds(orders).equals(consumers));
    }

    private static Set<Long> consumerIds(Queue queue) {
        return queue.getConsumers().stream().map(Consumer::sequentialID).collect(Collectors.toSet());
    }

    @Test
    void theEmbeddedLedgerFileIsCompactedByTheHub() {
        assertThat(compaction.isRunning()).as("H2Compaction started with the hub's H2 file ledger").isTrue();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub stopped (SIGTERM) while a status poll waits for its carrier exits within seconds. What it guards: in
 * bench/run.sh, hubs stopped during a poll were still stopping 10 minutes later, Quartz's shutdown waiting for a job
 * store that could no longer reach the ledger. Once H2 had closed it at the JVM's first shutdown hook (now
 * DB_CLOSE_ON_EXIT=FALSE: it closes with the connection pool); once an interrupt of Quartz's thread had closed its file
 * (now retry:, LedgerInterruptIT). This test, a poll in a carrier call at the stop, also passed before those changes:
 * the hangs need the poll's ledger I/O at the moment of the stop.
 * <p>
 * And a hub whose routes cannot start exits, rather than stay up half-started with its sandboxes listening.
 */
class ShutdownIT {

    private static final String PASSWORD = "shutdown-it-broker-password";

    @TempDir
    Path directory;

    @Test
    void aHubStopsWithinSecondsWhileAPollWaitsForItsCarrier() throws Exception {
        String broker = "tcp://127.0.0.1:" + BringTrackingPollIT.freePort();
        try (HubProcess hub = HubProcess.start("hub", directory, BringTrackingPollIT.freePort(),
                Map.of("HUB_BROKER_PASSWORD", PASSWORD), List.of(
                        "--hub.broker.tcp-acceptor=" + broker,
                        "--hub.sandbox.bring-shipment.port=" + BringTrackingPollIT.freePort(),
                        // each answer of the Bring sandbox, Tracking API included, after 3 s
                        "--hub.sandbox.bring-shipment.latency=3s",
                        "--hub.sandbox.drivoo.port=0", "--hub.sandbox.bring-po.port=0", "--hub.sandbox.bringg.tls-port=0",
                        "--hub.polls.bring-tracking.cron=0/1 * * * * ?"))) {
            hub.awaitReady(Duration.ofMinutes(2));
            try (Connection erp = new ActiveMQConnectionFactory(broker, "hub", PASSWORD).createConnection()) {
                erp.start();
                Session session = erp.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue(ErpClient.ORDERS))
                        .send(session.createTextMessage(ErpClient.sample("shipment-create.xml", "SHUTDOWN-1")));
                TextMessage answer = (TextMessage) session.createConsumer(session.createQueue(ErpClient.ORDER_STATUS))
                        .receive(60_000);
                assertThat(answer.getText()).contains("ACCEPTED");
            }
            // the tracking poll now asks Bring about the order every second, each time waiting 3 s for the answer
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.logTail().contains("poll"));
            Thread.sleep(2_000);

            assertThat(hub.stop(Duration.ofSeconds(60))).as("exited after SIGTERM; its log:\n%s", hub.logTail()).isTrue();
        }
    }

    @Test
    void aHubWhoseRoutesCannotStartExitsWithItsSandboxesStopped() throws Exception {
        Path brokenRoute = Files.writeString(directory.resolve("broken-route.yaml"), """
                - route:
                    id: broken
                    from:
                      uri: timer:broken
                      steps:
                        - to: no-such-component:x
                """);
        try (HubProcess hub = HubProcess.start("hub", directory, BringTrackingPollIT.freePort(), Map.of(), List.of(
                "--camel.main.routes-include-pattern=classpath:routes/*.yaml,file:" + brokenRoute,
                "--hub.broker.tcp-acceptor=", "--hub.sandbox.bring-shipment.port=0", "--hub.sandbox.drivoo.port=0",
                "--hub.sandbox.bring-po.port=0", "--hub.sandbox.bringg.port=0", "--hub.sandbox.bringg.tls-port=0"))) {

            assertThat(hub.awaitExit(Duration.ofMinutes(2))).as("exited by itself; its log:\n%s", hub.logTail())
                    .hasValue(1);
            assertThat(hub.log()).contains("No endpoint could be found for: no-such-component://x")
                    .contains("The bring-shipment sandbox stopped", "The bringg sandbox stopped");
        }
    }
}

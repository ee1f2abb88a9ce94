package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carrierhub.bring.shipment.sandbox.AcceptedShipment;
import io.carrierhub.bring.shipment.sandbox.BringShipmentSandbox;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

/**
 * The hub stops while orders wait on erp.orders, and starts again on the same data directory: every order is
 * booked once and answered once. The broker's journal keeps what waits; the ledger and idempotency store too.
 */
class RestartIT {

    static final int ORDERS = 12;

    @TempDir
    Path dataDir;

    @Test
    void ordersWaitingWhileTheHubIsDownAreEachProcessedOnceAfterARestart() throws Exception {
        List<AcceptedShipment> booked = new ArrayList<>();

        try (ConfigurableApplicationContext hub = startHub()) {
            ErpClient erp = erp(hub);
            IntStream.range(0, ORDERS).forEach(i -> erp.send(ErpClient.sample("shipment-create.xml", "RS-" + i), null));
            BringShipmentSandbox sandbox = hub.getBean(BringShipmentSandbox.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.shipments().size() >= 2);
            hub.close();   // graceful: the order in hand is finished, the rest stay on the queue
            booked.addAll(sandbox.shipments());
        }
        assertThat(booked).as("booked before the stop").hasSizeLessThan(ORDERS);

        try (ConfigurableApplicationContext hub = startHub()) {
            BringShipmentSandbox sandbox = hub.getBean(BringShipmentSandbox.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> booked.size() + sandbox.shipments().size() >= ORDERS);
            booked.addAll(sandbox.shipments());

            List<String> answered = new ArrayList<>();
            JmsTemplate jms = new JmsTemplate(hub.getBean(JmsTemplate.class).getConnectionFactory());
            jms.setReceiveTimeout(2_000);
            for (Message status; (status = jms.receive(ErpClient.ORDER_STATUS)) != null; ) {
                String text = ((TextMessage) status).getText();
                assertThat(text).contains("ACCEPTED");
                answered.add(text.replaceAll("(?s).*<orderId>(.*?)</orderId>.*", "$1"));
            }
            List<String> expected = IntStream.range(0, ORDERS).mapToObj(i -> "RS-" + i).toList();
            assertThat(booked).extracting(AcceptedShipment::sendersReference).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(answered).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** A hub of its own (broker, ledger, sandbox), apart from the one the other tests share. */
    private ConfigurableApplicationContext startHub() throws Exception {
        Files.createDirectories(dataDir);
        return new SpringApplicationBuilder(HubApplication.class)
                .profiles("test")
                .run("--hub.data-dir=" + dataDir,
                        "--hub.broker.in-vm-id=7",
                        "--hub.sandbox.bring-shipment.port=28091", "--hub.sandbox.drivoo.port=0", "--hub.sandbox.bring-po.port=0", "--hub.sandbox.bringg.tls-port=0",
                        "--hub.sandbox.bring-shipment.latency=300ms",
                        "--hub.intake.consumers=1");
    }

    private static ErpClient erp(ConfigurableApplicationContext hub) {
        return new ErpClient(hub.getBean(JmsTemplate.class), 10_000);
    }
}

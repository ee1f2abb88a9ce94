package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * A thread interrupted while it writes the embedded ledger leaves the ledger working. Java closes a FileChannel used
 * by an interrupted thread; on a plain file: URL H2's whole store then fails until the hub restarts (Quartz interrupts
 * its scheduler thread at a stop: bench/run.sh saw the ledger fail and the stop hang). The hub's URL reopens the file
 * (retry:).
 */
@HubTest
class LedgerInterruptIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JmsTemplate jmsTemplate;

    @Test
    void aThreadInterruptedWhileItWritesTheLedgerLeavesItWorking() throws Exception {
        String orderId = "INTR-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_carrier_call (called_at, carrier,"
                         + " order_id, operation, status, duration_ms) VALUES (?, 'interrupt-test', ?, 'POST', '200', 1)")) {
                for (int i = 0; i < 200; i++) {
                    Thread.currentThread().interrupt();   // as if another thread interrupted this one mid-write
                    insert.setTimestamp(1, Timestamp.from(Instant.now()));
                    insert.setString(2, orderId);
                    insert.executeUpdate();               // auto-commit: each one written to the file
                    Thread.interrupted();
                    written.incrementAndGet();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        writer.join(60_000);

        assertThat(written).as("rows written by the interrupted thread").hasValue(200);
        ErpClient erp = new ErpClient(jmsTemplate, 30_000);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(ErpClient.sample("shipment-create.xml", orderId), null)))
                .as("an order booked and answered after it").contains("ACCEPTED");
    }
}

package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.carrierhub.sandbox.SandboxControl;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;

/**
 * The ledger database unavailable while an order comes in: the hub neither rejects nor dead-letters the order; it
 * rolls it back, and the broker gives it again after growing delays until the database is back; then the order is
 * booked once and answered once. The outage is the one the hub sees when PostgreSQL is down, its connection pool giving
 * no connection (Hikari suspended, made to fail at once); faults/restart-test.sh stops a real PostgreSQL.
 */
@HubTest
class HubUnavailableIT {

    private static final String THROW_IF_SUSPENDED = "com.zaxxer.hikari.throwIfSuspended";

    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    DataSource dataSource;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    MeterRegistry meters;

    @Value("${hub.sandbox.bring-shipment.port}")
    int bringPort;

    @Test
    void anOrderDuringADatabaseOutageWaitsOnTheBrokerAndIsBookedOnceWhenItIsBack() throws Exception {
        ErpClient erp = new ErpClient(jmsTemplate, 30_000);
        SandboxControl bring = new SandboxControl("http://127.0.0.1:" + bringPort);
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        Queue orders = broker.getActiveMQServer().locateQueue(SimpleString.of(ErpClient.ORDERS));
        String orderId = "DBDOWN-" + UUID.randomUUID().toString().substring(0, 8);
        long killedBefore = orders.getMessagesKilled();
        double rejectedBefore = rejections();

        System.setProperty(THROW_IF_SUSPENDED, "true");
        pool.suspendPool();
        String correlationId;
        try {
            correlationId = erp.send(ErpClient.sample("shipment-create.xml", orderId), null);
            // taken, rolled back, and given again by the broker after growing waits, several times over
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(orders) >= 4);
            assertThat(erp.nothingOn(ErpClient.ORDER_STATUS, correlationId)).as("no answer while the database is down").isTrue();
            assertThat(erp.nothingOn(ErpClient.ORDERS_DLQ, correlationId)).as("no dead letter").isTrue();
            assertThat(orders.getMessageCount()).as("the order still on erp.orders").isEqualTo(1);
            assertThat(orders.getMessagesKilled()).isEqualTo(killedBefore);
            // the decision itself: the route's hub-unavailable clause, not order-failed, which would have rejected it
            assertThat(rejections()).as("orders rejected meanwhile").isEqualTo(rejectedBefore);
        } finally {
            pool.resumePool();
            System.clearProperty(THROW_IF_SUSPENDED);
        }

        TextMessage answer = (TextMessage) erp.receive(ErpClient.ORDER_STATUS, correlationId);
        assertThat(answer).as("the answer once the database is back").isNotNull();
        assertThat(answer.getText()).contains("ACCEPTED").doesNotContain("<repeat>");
        assertThat(erp.nothingOn(ErpClient.ORDER_STATUS, correlationId)).as("one answer").isTrue();
        assertThat(LaneIT.bookings(bring, orderId)).as("bookings of " + orderId).hasSize(1);
    }

    /** How often the broker has delivered the order that waits for its next delivery on {@code queue}. */
    private static int deliveries(Queue queue) {
        return queue.getScheduledMessages().stream().mapToInt(MessageReference::getDeliveryCount).max().orElse(0);
    }

    private double rejections() {
        return meters.find("hub.orders").tag("outcome", "rejected").counters().stream().mapToDouble(Counter::count).sum();
    }

}

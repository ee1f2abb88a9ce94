package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * An order message too large to read (over hub.intake.max-order-bytes, 1 MiB here) is never taken by the intake,
 * whose JMS client would hold all of it in memory (faults/poison-test.sh: one larger than the heap ends the hub at
 * every delivery): the broker moves it, unread, to DLQ.erp.orders, and the orders after it go through.
 */
@HubTest
class OversizedOrderIT {

    @Autowired
    JmsTemplate jmsTemplate;

    @Test
    void anOrderTooLargeToReadIsDeadLetteredUnreadAndTheNextOneIsBooked() throws JMSException {
        ErpClient erp = new ErpClient(jmsTemplate, 15_000);
        // 600 Ki characters of comment: 1.2 MiB as Artemis carries a text (two bytes a character)
        String oversized = ErpClient.sample("shipment-create.xml", "BIG-1")
                .replace("<orderId>", "<!-- " + "x".repeat(600 * 1024) + " --><orderId>");
        String oversizedId = erp.send(oversized, "application/xml");
        String nextId = erp.send(ErpClient.sample("shipment-create.xml", "BIG-2"), "application/xml");

        Message deadLetter = erp.receive(ErpClient.ORDERS_DLQ, oversizedId);
        assertThat(deadLetter).as("the oversized order on DLQ.erp.orders").isNotNull();
        assertThat(deadLetter.getLongProperty("_AMQ_LARGE_SIZE")).isGreaterThan(1024 * 1024);
        assertThat(deadLetter.propertyExists("HubErrorCode")).as("moved by the broker, never read by the hub").isFalse();
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, nextId)).contains("<orderId>BIG-2</orderId>", "ACCEPTED");
        assertThat(erp.nothingOn(ErpClient.ORDER_STATUS, oversizedId)).as("no answer: the hub never read it").isTrue();
    }
}

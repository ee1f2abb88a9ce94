package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.ops.BrokerQueues;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * An order message too large to read (over hub.intake.max-order-bytes, 1 MiB here) is never taken by the intake,
 * whose JMS client would hold all of it in memory (faults/poison-test.sh: one larger than the heap ends the hub at
 * every delivery): the broker moves it, unread, to DLQ.erp.orders, and the orders after it go through. The check is
 * not made while erp.orders pages (a flood): the broker would read every paged message back into memory to test it.
 */
@HubTest
class OversizedOrderIT {

    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    BrokerQueues brokerQueues;

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

    @Test
    void theCheckTellsAQueueThatPagesFromOneHeldInMemory() {
        // an address of this test's own, paging from its first byte
        broker.getActiveMQServer().getAddressSettingsRepository().addMatch("test.paging",
                new AddressSettings().setMaxSizeBytes(1).setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
        jmsTemplate.convertAndSend("test.paging", "first");
        jmsTemplate.convertAndSend("test.paging", "second");

        assertThat(brokerQueues.inMemory("test.paging")).as("an address that pages").isFalse();
        assertThat(brokerQueues.inMemory(ErpClient.ORDERS)).as("erp.orders at rest").isTrue();
        assertThat(brokerQueues.inMemory("no.such.address")).as("no answer: not known to be in memory").isFalse();
    }
}

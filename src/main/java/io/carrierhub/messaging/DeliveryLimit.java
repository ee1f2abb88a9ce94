package io.carrierhub.messaging;

import io.carrierhub.error.HubFaultException;
import jakarta.jms.JMSException;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsMessage;

/**
 * The most deliveries of one message that the hub takes up: the first step of every route that reads the ERP's or a
 * lane's queue. The broker moves a message to its dead-letter queue after hub.broker.redelivery.max-attempts
 * deliveries, but counts only the deliveries that ended in a rollback. A message on which the hub dies, and its
 * embedded broker with it, comes back at every start with its persisted count (persist-delivery-count-before-delivery),
 * never checked: without this step it would end the hub at every start.
 */
public class DeliveryLimit {

    static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private final int maxDeliveries;

    public DeliveryLimit(int maxDeliveries) {
        this.maxDeliveries = maxDeliveries;
    }

    /** Refuses a message delivered more than the limit: dead-lettered by the route's error handling, never handled. */
    public void check(Message message) throws JMSException {
        // Artemis does not list JMSXDeliveryCount among the properties that Camel maps to headers: asked for by name
        if (message instanceof JmsMessage jms && jms.getJmsMessage() != null) {
            jakarta.jms.Message received = jms.getJmsMessage();
            int deliveries = received.getIntProperty(DELIVERY_COUNT);
            if (deliveries > maxDeliveries) {
                // named by the ids the sender knows it by: the hub never read the message
                String id = received.getJMSCorrelationID() != null ? received.getJMSCorrelationID() : received.getJMSMessageID();
                throw new HubFaultException("DELIVERY_LIMIT", "message " + id + " delivered " + deliveries + " times, more than hub.intake"
                        + ".max-deliveries (" + maxDeliveries + "), without an outcome: the hub stopped while handling it");
            }
        }
    }
}

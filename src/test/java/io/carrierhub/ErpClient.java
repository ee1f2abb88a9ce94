package io.carrierhub;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.jms.core.JmsTemplate;

/** What the ERP does on the broker: drop a message on erp.orders, read the answer on erp.order-status. */
public class ErpClient {

    static final String ORDERS = "erp.orders";
    static final String ORDER_STATUS = "erp.order-status";
    static final String ORDERS_DLQ = "DLQ.erp.orders";
    static final String ORDER_EVENTS = "erp.order-events";

    /** The dead-letter queue of a carrier's lane: orders the carrier refused, or that outlived its retries. */
    static String laneDlq(String carrier) {
        return "DLQ.carrier." + carrier;
    }

    private final JmsTemplate jms;

    public ErpClient(JmsTemplate jms, long receiveTimeoutMillis) {
        this.jms = new JmsTemplate(jms.getConnectionFactory());
        this.jms.setReceiveTimeout(receiveTimeoutMillis);
    }

    /** Sends {@code body} with a fresh JMSCorrelationID and returns it. */
    public String send(String body, String contentType) {
        String correlationId = UUID.randomUUID().toString();
        jms.send(ORDERS, session -> {
            TextMessage message = session.createTextMessage(body);
            message.setJMSCorrelationID(correlationId);
            if (contentType != null) {
                message.setStringProperty("contentType", contentType);
            }
            return message;
        });
        return correlationId;
    }

    /** The next message on {@code queue} that answers one of the messages sent with these correlation ids. */
    public Message receive(String queue, String... correlationIds) {
        return jms.receiveSelected(queue, "JMSCorrelationID IN ('" + String.join("', '", correlationIds) + "')");
    }

    /** The next TMS event of this order on erp.order-events. */
    public String receiveEvent(String orderId) throws jakarta.jms.JMSException {
        Message event = jms.receiveSelected(ORDER_EVENTS, "HubOrderId = '" + orderId + "'");
        return event == null ? null : ((TextMessage) event).getText();
    }

    /** True when nothing answers these messages on {@code queue} for a while: for things that must not happen. */
    public boolean nothingOn(String queue, String... correlationIds) {
        JmsTemplate brief = new JmsTemplate(jms.getConnectionFactory());
        brief.setReceiveTimeout(2_000);
        return brief.receiveSelected(queue, "JMSCorrelationID IN ('" + String.join("', '", correlationIds) + "')") == null;
    }

    public String receiveText(String queue, String correlationId) throws jakarta.jms.JMSException {
        Message message = receive(queue, correlationId);
        return message == null ? null : ((TextMessage) message).getText();
    }

    /** A sample order from {@code samples/}, its order id replaced so that every test has an order of its own. */
    public static String sample(String name, String orderId) {
        try {
            String text = Files.readString(Path.of("samples", name));
            return text.replaceAll("SO-10023[45]", orderId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.carrierhub.ledger.OrderEvents;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.MessageFormat;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.TestPropertySource;

/** Events sent to direct:tms-event, as the carrier routes send them, on erp.order-events and in the status history. */
@HubTest
@Import(TmsEventIT.TransactedCaller.class)
// a hub of its own (the test route makes it one): its own in-VM broker id, and its sandboxes on free ports
@TestPropertySource(properties = {"hub.broker.in-vm-id=11", "hub.sandbox.bring-shipment.port=0", "hub.test.second-bring-port=0", "hub.sandbox.drivoo.port=0", "hub.sandbox.bring-po.port=0", "hub.sandbox.bringg.tls-port=0"})
class TmsEventIT {

    static final String ORDER_EVENTS = "erp.order-events";
    static final String CALLBACK_QUEUE = "hub.event-callbacks";
    static final String CALLER_QUEUE = "test.tms-event-caller";

    @Autowired
    ProducerTemplate producer;
    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    OrderEvents history;
    @Autowired
    OrderCodec codec;
    @Autowired
    CamelContext camel;

    JmsTemplate erp;

    @BeforeEach
    void connect() {
        erp = new JmsTemplate(jmsTemplate.getConnectionFactory());
        erp.setReceiveTimeout(15_000);
    }

    @Test
    void anEventIsRecordedAndSentGroupedByItsOrderWithItsSequence() throws JMSException {
        String orderId = newOrderId();
        TmsEvent accepted = event(orderId, EventType.ACCEPTED);
        accepted.getCarrierReference().add(reference("SHIPMENT", "70438101015432113"));

        Exchange sent = producer.send("direct:tms-event", exchange -> {
            exchange.getMessage().setBody(accepted);
            exchange.getMessage().setHeader("CallersHeader", "stays with the caller");
        });

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getBody()).as("the caller's body is its event, now numbered").isSameAs(accepted);
        assertThat(accepted.getSequence()).isOne();
        assertThat(sent.getMessage().getHeader("CallersHeader")).isEqualTo("stays with the caller");
        Message message = receiveEvent(orderId);
        assertThat(message).isNotNull();
        assertThat(message.getStringProperty("JMSXGroupID")).isEqualTo(orderId);
        assertThat(message.getStringProperty("HubOrderId")).isEqualTo(orderId);
        assertThat(message.getStringProperty("HubEventType")).isEqualTo("ACCEPTED");
        assertThat(message.getStringProperty("HubEventId")).isEqualTo(orderId + ":1");
        assertThat(message.getStringProperty("contentType")).isEqualTo("application/xml");
        assertThat(message.getObjectProperty("CallersHeader")).as("nothing of the caller's message travels").isNull();
        String body = ((TextMessage) message).getText();
        assertThat(body).startsWith("<?xml").contains("<tmsEvent", "<sequence>1</sequence>");
        TmsEvent onTheQueue = codec.readEvent(body.getBytes(StandardCharsets.UTF_8), message.getStringProperty("contentType"));
        assertThat(onTheQueue).usingRecursiveComparison().isEqualTo(accepted);
        assertThat(history.history(orderId)).singleElement().usingRecursiveComparison().isEqualTo(accepted);
    }

    @Test
    void eventsOfOneOrderComeOutInOrderNumberedOneTwo() throws JMSException {
        String orderId = newOrderId();

        producer.sendBody("direct:tms-event", event(orderId, EventType.ACCEPTED));
        producer.sendBody("direct:tms-event", event(orderId, EventType.PICKED_UP));

        List<TmsEvent> received = List.of(read(receiveEvent(orderId)), read(receiveEvent(orderId)));
        assertThat(received).extracting(TmsEvent::getSequence, TmsEvent::getEventType).containsExactly(
                tuple(1L, EventType.ACCEPTED),
                tuple(2L, EventType.PICKED_UP));
        assertThat(history.history(orderId)).extracting(TmsEvent::getSequence).containsExactly(1L, 2L);
    }

    @Test
    void withoutACallbackUrlNoEventIsKeptForCallbacks() {
        producer.sendBody("direct:tms-event", event(newOrderId(), EventType.CREATED));

        assertThat(waiting(CALLBACK_QUEUE, null)).isFalse();
        assertThat(camel.getRoute("tms-event-callback")).as("no callback delivery without hub.events.callback.url").isNull();
    }

    @Test
    void anEventThatCannotBeRecordedFailsTheCallerAndIsNotSent() {
        String orderId = newOrderId();
        TmsEvent withoutTime = event(orderId, EventType.ARRIVED);
        withoutTime.setOccurredAt(null);

        Exchange sent = producer.send("direct:tms-event", exchange -> exchange.getMessage().setBody(withoutTime));

        assertThat(sent.getException()).isNotNull();
        assertThat(history.history(orderId)).isEmpty();
        assertThat(waiting(ORDER_EVENTS, "HubOrderId = '" + orderId + "'")).isFalse();
    }

    /** A transacted JMS route that sends an event and then fails: its transaction takes the event back. */
    @Test
    void theCallersJmsTransactionCoversTheSend() throws JMSException {
        String committed = newOrderId();
        String rolledBack = newOrderId();

        erp.send(CALLER_QUEUE, session -> {
            TextMessage message = session.createTextMessage(codec.writeEvent(event(rolledBack, EventType.PICKED_UP),
                    MessageFormat.XML));
            message.setStringProperty("failAfterSending", "yes");
            return message;
        });
        erp.convertAndSend(CALLER_QUEUE, codec.writeEvent(event(committed, EventType.PICKED_UP), MessageFormat.XML));

        assertThat(receiveEvent(committed)).as("the caller committed").isNotNull();
        // the failing caller is given its message again by the broker, and rolls back each time
        await().atMost(Duration.ofSeconds(15))
                .until(() -> history.history(rolledBack).size() >= 2);
        JmsTemplate brief = new JmsTemplate(jmsTemplate.getConnectionFactory());
        brief.setReceiveTimeout(1_000);
        assertThat(brief.receiveSelected(ORDER_EVENTS, "HubOrderId = '" + rolledBack + "'")).as("rolled back with the caller").isNull();
    }

    /** Whether a message the selector (null: any) picks is on the queue now: the sends are over when the ProducerTemplate returns. */
    private boolean waiting(String queue, String selector) {
        Boolean found = erp.browseSelected(queue, selector, (session, browser) -> browser.getEnumeration().hasMoreElements());
        return Boolean.TRUE.equals(found);
    }

    private Message receiveEvent(String orderId) {
        return erp.receiveSelected(ORDER_EVENTS, "HubOrderId = '" + orderId + "'");
    }

    private TmsEvent read(Message message) throws JMSException {
        return codec.readEvent(((TextMessage) message).getText().getBytes(StandardCharsets.UTF_8), message.getStringProperty("contentType"));
    }

    static TmsEvent event(String orderId, EventType type) {
        TmsEvent event = new TmsEvent();
        event.setOrderId(orderId);
        event.setCarrier("bring-shipment");
        event.setEventType(type);
        event.setOccurredAt(XmlDates.parse("2026-11-23T14:12:00+01:00"));
        return event;
    }

    static String newOrderId() {
        return "EV-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static CarrierReference reference(String type, String value) {
        return CarrierReferences.of(type, value);
    }

    /** What a carrier lane will be: a transacted JMS consumer that sends an event on the way. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TransactedCaller {

        @Bean
        RouteBuilder transactedCaller() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(noErrorHandler()); // the failure is the test's: the broker's redelivery is enough noise
                    from("jms:queue:" + CALLER_QUEUE + "?transacted=true").routeId("test-transacted-caller")
                            .setBody(method("orderCodec", "readEvent(${bodyAs(byte[])}, 'application/xml')"))
                            .to("direct:tms-event")
                            .filter(header("failAfterSending").isEqualTo("yes"))
                            .throwException(new IllegalStateException("the caller fails after sending its event"));
                }
            };
        }
    }
}

package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carrierhub.bring.po.model.Event;
import io.carrierhub.bring.po.sandbox.BringPoSandbox;
import io.carrierhub.events.TmsEvents;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * Flow 3: the TMS events of Bring Purchase Order consignments, from the event stream to Bring's CreateEvent, over
 * real SOAP calls to the sandbox: a packing list booked is told as BOOKED, a later event of the consignment as its
 * own type; each once, through a failing Bring and a second delivery of the same event; an event Bring refuses is
 * dead-lettered with Bring's code.
 */
@HubTest
class BringPoEventsIT {

    static final String EVENTS = "hub.bring-po-events";

    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    BringPoSandbox sandbox;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    TmsEvents tmsEvents;

    ErpClient erp;

    @BeforeEach
    void connect() {
        erp = new ErpClient(jmsTemplate, 15_000);
    }

    @AfterEach
    void healSandbox() {
        sandbox.faults().reset();
    }

    @Test
    void aBookedPackingListAndItsLaterEventsAreToldToBringOnceEach() throws JMSException {
        String orderId = BringPoIT.newOrderId();
        String consignment = bookedPackingList(orderId);

        List<Event> booked = await().atMost(Duration.ofSeconds(10)).until(() -> told(consignment), events -> !events.isEmpty());
        assertThat(booked).singleElement().satisfies(event -> {
            assertThat(event.getEventType().value()).isEqualTo("BOOKED");
            assertThat(event.getPerformedBy()).isEqualTo("carrierhub.local");
            assertThat(event.getTimestamp()).isNotNull();
        });
        assertThat(sandbox.requests().matching(BringPoIT.SOAP)).anyMatch(request -> request.body().contains("CreateEventRequest")
                && request.body().contains(consignment)
                && request.headers().get("Soapaction").contains("\"http://api.bring.com/po/CreateEvent\""));

        sandbox.faults().failNext(2, 500);
        producer.sendBody("direct:tms-event", event(orderId, EventType.DELIVERED, consignment));

        await().atMost(Duration.ofSeconds(10)).until(() -> told(consignment).size() == 2);
        assertThat(told(consignment)).extracting(event -> event.getEventType().value()).containsExactly("BOOKED", "DELIVERED");
        assertThat(sandbox.requests().matching(BringPoIT.SOAP)).filteredOn(request -> request.body().contains(consignment)
                && request.body().contains("DELIVERED")).extracting(request -> request.status()).containsExactly(500, 500, 200);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> told(consignment).size() == 2);
    }

    @Test
    void theSameEventDeliveredTwiceIsToldOnce() throws JMSException {
        String orderId = BringPoIT.newOrderId();
        String consignment = bookedPackingList(orderId);
        await().atMost(Duration.ofSeconds(10)).until(() -> told(consignment).size() == 1);

        String written = tmsEvents.write(event(orderId, EventType.PICKED_UP, consignment));
        for (int i = 0; i < 2; i++) {
            jmsTemplate.send(EVENTS, session -> {
                Message message = session.createTextMessage(written);
                message.setStringProperty("HubEventId", orderId + ":picked-up");
                message.setStringProperty("contentType", tmsEvents.mediaType());
                return message;
            });
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> told(consignment).size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> told(consignment).size() == 2);
    }

    @Test
    void anEventBringRefusesIsDeadLetteredWithBringsCode() throws JMSException {
        String orderId = BringPoIT.newOrderId();
        bookedPackingList(orderId);
        String unknown = consignmentId();

        producer.sendBody("direct:tms-event", event(orderId, EventType.IN_TRANSIT, unknown));

        JmsTemplate deadLetters = new JmsTemplate(jmsTemplate.getConnectionFactory());
        deadLetters.setReceiveTimeout(15_000);
        Message dead = deadLetters.receiveSelected("DLQ." + EVENTS, "HubOrderId = '" + orderId + "'");
        assertThat(dead).as("the refused event on DLQ.%s", EVENTS).isNotNull();
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("CARRIER_VALIDATION");
        assertThat(dead.getStringProperty("HubErrorReason")).contains("PO_STATE_005", "Transport order not found");
        assertThat(told(unknown)).isEmpty();
    }

    /** A purchase order and a packing list of it with a consignment of its own, both accepted: the consignment. */
    private String bookedPackingList(String orderId) throws JMSException {
        String consignment = consignmentId();
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(BringPoIT.sample("bring-po-create.xml", orderId),
                "application/xml"))).contains("<outcome>ACCEPTED</outcome>");
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(BringPoIT.sample("bring-po-packing-list-transport_order.xml",
                orderId).replace("70703223343223526", consignment), "application/xml"))).contains("<outcome>ACCEPTED</outcome>");
        return consignment;
    }

    private TmsEvent event(String orderId, EventType type, String consignment) {
        TmsEvent event = new TmsEvent();
        event.setOrderId(orderId);
        event.setCarrier("bring-po");
        event.setEventType(type);
        event.setOccurredAt(XmlDates.of(OffsetDateTime.now()));
        event.getCarrierReference().add(CarrierReferences.of("CONSIGNMENT", consignment));
        return event;
    }

    private List<Event> told(String consignment) {
        return sandbox.events().stream().filter(event -> consignment.equals(event.getConsignmentId())).toList();
    }

    private static String consignmentId() {
        return "7070" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L);
    }
}

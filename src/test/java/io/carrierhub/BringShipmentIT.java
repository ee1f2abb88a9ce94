package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.bring.shipment.model.BringDateTimeType;
import io.carrierhub.bring.shipment.model.BringCustomsDetails;
import io.carrierhub.bring.shipment.model.BringShipment;
import io.carrierhub.bring.shipment.model.BringUpdateIndicator;
import io.carrierhub.bring.shipment.sandbox.AcceptedShipment;
import io.carrierhub.bring.shipment.sandbox.BringShipmentSandbox;
import io.carrierhub.ledger.LedgerEntry;
import io.carrierhub.ledger.LedgerStatus;
import io.carrierhub.ledger.OrderEvents;
import io.carrierhub.ledger.OrderLedger;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import io.carrierhub.sandbox.RecordedRequest;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** Orders from erp.orders to the Bring Shipment sandbox over real HTTP, and the answers on erp.order-status. */
@HubTest
class BringShipmentIT {

    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    BringShipmentSandbox sandbox;
    @Autowired
    OrderLedger ledger;
    @Autowired
    OrderEvents events;

    static final String BRING_DLQ = ErpClient.laneDlq("bring-shipment");

    ErpClient erp;
    ErpClient patient;

    @BeforeEach
    void connect() {
        erp = new ErpClient(jmsTemplate, 15_000);
        patient = new ErpClient(jmsTemplate, 40_000);
    }

    @AfterEach
    void healSandbox() {
        sandbox.faults().reset();
    }

    @Test
    void xmlInstructionIsBookedAndTheErpGetsBringsIds() throws JMSException {
        String orderId = newOrderId();
        String correlationId = erp.send(ErpClient.sample("shipment-create.xml", orderId), "application/xml");

        String status = erp.receiveText(ErpClient.ORDER_STATUS, correlationId);

        AcceptedShipment shipment = onlyShipment(orderId);
        assertThat(shipment.root()).isEqualTo("CreateShipmentRequest");
        assertThat(shipment.updateIndicator()).isEqualTo(BringUpdateIndicator.ORIGINAL);
        assertThat(shipment.packageIds()).hasSize(2);
        assertThat(status).contains("<outcome>ACCEPTED</outcome>", "<orderId>" + orderId + "</orderId>",
                "<carrierReference type=\"SHIPMENT\">" + shipment.shipmentId() + "</carrierReference>",
                "<carrierReference type=\"PACKAGE\">" + shipment.packageIds().get(0) + "</carrierReference>",
                "<carrierReference type=\"PACKAGE\">" + shipment.packageIds().get(1) + "</carrierReference>");
        LedgerEntry entry = ledger.find(orderId).orElseThrow();
        assertThat(entry.status()).isEqualTo(LedgerStatus.ACCEPTED);
        assertThat(entry.reference("SHIPMENT")).contains(shipment.shipmentId());
        assertThat(erp.receiveEvent(orderId)).contains("<eventType>ACCEPTED</eventType>", "<sequence>1</sequence>",
                "<carrierReference type=\"SHIPMENT\">" + shipment.shipmentId() + "</carrierReference>");
        assertThat(events.history(orderId)).extracting(TmsEvent::getEventType).containsExactly(EventType.ACCEPTED);
    }

    @Test
    void anOrderWithoutCreationTimeIsDatedWhenTheHubReceivedIt() throws JMSException {
        String orderId = newOrderId();
        String order = ErpClient.sample("shipment-create.xml", orderId).replaceAll("\\s*<createdAt>[^<]*</createdAt>", "");

        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(order, "application/xml"))).contains("<outcome>ACCEPTED</outcome>");

        OffsetDateTime received = ledger.find(orderId).orElseThrow().createdAt();
        assertThat(onlyShipment(orderId).request().getShipment().getDateAndTimes())
                .filteredOn(date -> date.getSubClass() == BringDateTimeType.DOCUMENT_DATE)
                .extracting(date -> XmlDates.toOffsetDateTime(date.getDateTime()))
                .singleElement().satisfies(documentDate -> assertThat(documentDate).isAtSameInstantAs(received));
    }

    @Test
    void jsonBookingGoesToSendbookingAndIsAnsweredInJson() throws JMSException {
        String orderId = newOrderId();
        String correlationId = erp.send(ErpClient.sample("booking-create.json", orderId), "application/json");

        Message status = erp.receive(ErpClient.ORDER_STATUS, correlationId);

        AcceptedShipment booking = onlyShipment(orderId);
        assertThat(booking.root()).isEqualTo("CreateBookingRequest");
        assertThat(status.getStringProperty("contentType")).isEqualTo("application/json");
        assertThat(status.getStringProperty("Content_HYPHEN_Type")).isEqualTo("application/json");
        assertThat(((jakarta.jms.TextMessage) status).getText())
                .startsWith("{\"orderStatus\":")
                .contains("\"outcome\":\"ACCEPTED\"", "\"value\":\"" + booking.shipmentId() + "\"");
    }

    @Test
    void twoServerErrorsAreRetriedIntoExactlyOneBooking() throws JMSException {
        String orderId = newOrderId();
        long before = sandbox.requestCount();
        sandbox.faults().failNext(2, 500);

        String correlationId = erp.send(ErpClient.sample("shipment-create.xml", orderId), null);

        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("ACCEPTED");
        assertThat(sandbox.requestCount() - before).as("calls to Bring").isEqualTo(3);
        onlyShipment(orderId);
    }

    @Test
    void aBadRequestIsDeadLetteredWithBringsTextAfterOneAttempt() throws JMSException {
        String orderId = newOrderId();
        long before = sandbox.requestCount();
        String body = ErpClient.sample("shipment-create.xml", orderId)
                .replace("<code>EVARSLING</code>", "<code>1000</code>");   // cash on delivery service without the cash

        String correlationId = erp.send(body, null);

        Message dead = erp.receive(BRING_DLQ, correlationId);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("CARRIER_VALIDATION");
        assertThat(dead.getStringProperty("HubOriginQueue")).isEqualTo("carrier.bring-shipment");
        // Bring's ErrorTexts, not its whole CreateShipmentResponse
        assertThat(dead.getStringProperty("HubErrorReason"))
                .isEqualTo("bring-shipment answered HTTP 400 VALIDATION_ERROR: AdditionalService 1000 requires CashOnDelivery");
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("REJECTED", "CARRIER_VALIDATION",
                "HTTP 400 VALIDATION_ERROR: AdditionalService 1000 requires CashOnDelivery").doesNotContain("ProcessingID");
        assertThat(sandbox.requestCount() - before).as("calls to Bring").isEqualTo(1);
        assertThat(ledger.find(orderId).orElseThrow().status()).isEqualTo(LedgerStatus.REJECTED);
    }

    @Test
    void aForbiddenAnswerIsDeadLetteredAsAConfigurationErrorInBringsWordsAfterOneAttempt() throws JMSException {
        String orderId = newOrderId();
        long before = sandbox.requestCount();
        sandbox.faults().failNext(1, 417);   // answered as Bring answers unknown credentials: Status FORBIDDEN

        String correlationId = erp.send(ErpClient.sample("shipment-create.xml", orderId), null);

        Message dead = erp.receive(BRING_DLQ, correlationId);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("CARRIER_AUTH");
        assertThat(dead.getStringProperty("HubErrorReason"))
                .isEqualTo("bring-shipment answered HTTP 417 FORBIDDEN: failure injected by the sandbox (HTTP 417)");
        assertThat(sandbox.requestCount() - before).as("calls to Bring").isEqualTo(1);
    }

    @Test
    void aRequestTheMapperGetsWrongIsAHubFaultThatNeverReachesBring() throws JMSException {
        String orderId = newOrderId();
        long before = sandbox.requestCount();
        // valid for the ERP contract; the mapper then writes a Location with a City and no CountryCode
        String body = ErpClient.sample("shipment-create.xml", orderId).replace("  <goodsItem>",
                "  <deliveryTerms termsType=\"INCOTERMS\"><conditionCode>DAP</conditionCode><city>Bergen</city></deliveryTerms>\n  <goodsItem>");

        String correlationId = erp.send(body, null);

        Message dead = erp.receive(BRING_DLQ, correlationId);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("HUB_MAPPING");
        assertThat(dead.getStringProperty("HubErrorReason")).contains("xsd/bring-shipment.xsd", "Location", "CountryCode");
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("REJECTED", "HUB_MAPPING");
        assertThat(sandbox.requestCount() - before).as("calls to Bring").isZero();
        assertThat(ledger.find(orderId).orElseThrow().errorCode()).isEqualTo("HUB_MAPPING");
    }

    @Test
    void aCarrierThatStaysDownPastTheRetryHorizonIsDeadLetteredWithTheLastReason() throws JMSException {
        String orderId = newOrderId();
        long before = sandbox.requestCount();
        sandbox.faults().failNext(1000, 503);

        String correlationId = erp.send(ErpClient.sample("shipment-create.xml", orderId), null);

        // hub.carriers.bring-shipment.retry.horizon is 10 s in the tests
        Message dead = patient.receive(BRING_DLQ, correlationId);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("CARRIER_UNAVAILABLE");
        assertThat(dead.getStringProperty("HubErrorReason")).contains("HTTP 503 ERROR: failure injected by the sandbox", "gave up after")
                .doesNotContain("ProcessingID");
        assertThat(dead.getStringProperty("HubAttempt")).as("retry bookkeeping stays out of a dead letter").isNull();
        assertThat(sandbox.requestCount() - before).as("calls to Bring").isGreaterThanOrEqualTo(2);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("REJECTED");
    }

    @Test
    void aCarrierThatDoesNotAnswerInTimeIsRetriedThenDeadLettered() throws JMSException {
        String orderId = newOrderId();
        long before = sandbox.requestCount();
        sandbox.faults().latency(Duration.ofMillis(1500));   // longer than hub.http.response-timeout in tests

        String correlationId = erp.send(ErpClient.sample("shipment-create.xml", orderId), null);

        Message dead = patient.receive(BRING_DLQ, correlationId);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("CARRIER_UNREACHABLE");
        assertThat(dead.getStringProperty("HubErrorReason")).contains("SocketTimeoutException");
        assertThat(sandbox.requestCount() - before).as("calls to Bring").isGreaterThanOrEqualTo(2);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("REJECTED", "CARRIER_UNREACHABLE");
    }

    @Test
    void theSameMessageDeliveredTwiceIsBookedOnce() throws JMSException {
        String orderId = newOrderId();
        String body = ErpClient.sample("shipment-create.xml", orderId);

        String first = erp.send(body, null);
        String second = erp.send(body, null);

        // either copy may win the race between the intake's consumers; the other is dropped
        Message answer = erp.receive(ErpClient.ORDER_STATUS, first, second);
        assertThat(answer).isNotNull();
        assertThat(((jakarta.jms.TextMessage) answer).getText()).contains("ACCEPTED");
        // the copy is dropped while the order is on its lane, or answered with the recorded outcome once it is done
        Message another = erp.receive(ErpClient.ORDER_STATUS, first, second);
        if (another != null) {
            assertThat(((jakarta.jms.TextMessage) another).getText()).contains("ACCEPTED", "<repeat>true</repeat>");
        }
        assertThat(erp.nothingOn(ErpClient.ORDERS_DLQ, first, second)).as("a copy is no error").isTrue();
        assertThat(erp.nothingOn(BRING_DLQ, first, second)).as("a copy is no error").isTrue();
        onlyShipment(orderId);
    }

    @Test
    void updateAndCancelReachTheShipmentBringAccepted() throws JMSException {
        String orderId = newOrderId();
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(ErpClient.sample("shipment-create.xml", orderId), null))).contains("ACCEPTED");
        String shipmentId = onlyShipment(orderId).shipmentId();

        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(ErpClient.sample("shipment-update.json", orderId), null))).contains("ACCEPTED");
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(ErpClient.sample("shipment-cancel.xml", orderId), null))).contains("ACCEPTED");

        List<AcceptedShipment> calls = shipments(orderId);
        assertThat(calls).extracting(AcceptedShipment::updateIndicator)
                .containsExactly(BringUpdateIndicator.ORIGINAL, BringUpdateIndicator.UPDATE, BringUpdateIndicator.DELETE);
        assertThat(calls).extracting(AcceptedShipment::shipmentId).containsOnly(shipmentId);
        assertThat(sandbox.activeShipment(shipmentId)).isEmpty();
        assertThat(ledger.find(orderId).orElseThrow().status()).isEqualTo(LedgerStatus.CANCELLED);
        assertThat(events.history(orderId)).extracting(TmsEvent::getEventType)
                .containsExactly(EventType.ACCEPTED, EventType.ACCEPTED, EventType.CANCELLED);
    }

    @Test
    void anUpdateThatAddsAPackageAsksBringForTheIdsAndRecordsThem() throws JMSException {
        String orderId = newOrderId();
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(ErpClient.sample("shipment-create.xml", orderId), null))).contains("ACCEPTED");
        String update = ErpClient.sample("shipment-update.xml", orderId).replace("  </goodsItem>",
                "    <package>\n      <grossWeight unit=\"kg\">0.5</grossWeight>\n    </package>\n  </goodsItem>");

        String status = erp.receiveText(ErpClient.ORDER_STATUS, erp.send(update, null));

        assertThat(status).contains("ACCEPTED");
        AcceptedShipment updated = shipments(orderId).get(1);
        assertThat(updated.updateIndicator()).isEqualTo(BringUpdateIndicator.UPDATE);
        assertThat(updated.packageIds()).hasSize(3);
        assertThat(calls(orderId).get(1).query()).isEqualTo("shipmentId=false&packageIds=true");
        assertThat(ledger.find(orderId).orElseThrow().references()).filteredOn(ref -> ref.getType().equals("PACKAGE"))
                .extracting(CarrierReference::getValue).containsExactlyElementsOf(updated.packageIds());
        updated.packageIds().forEach(id -> assertThat(status).contains("<carrierReference type=\"PACKAGE\">" + id + "</carrierReference>"));
    }

    @Test
    void aCancelAfterARefusedUpdateSendsTheOrderBringAccepted() throws JMSException {
        String orderId = newOrderId();
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(ErpClient.sample("shipment-create.xml", orderId), null))).contains("ACCEPTED");
        sandbox.faults().failNext(1, 400);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(ErpClient.sample("shipment-update.xml", orderId), null))).contains("REJECTED");

        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(ErpClient.sample("shipment-cancel.xml", orderId), null))).contains("ACCEPTED");

        List<RecordedRequest> calls = calls(orderId);
        assertThat(calls).hasSize(3);
        assertThat(calls.get(1).body()).as("the refused update").contains("Leave with the neighbour in flat 2B");
        assertThat(calls.get(2).body()).as("the cancel").contains("Delete", "Leave at the reception").doesNotContain("neighbour");
    }

    @Test
    void cancellingAnOrderBringNeverAcceptedIsRefused() throws JMSException {
        String orderId = newOrderId();
        String correlationId = erp.send(ErpClient.sample("shipment-cancel.json", orderId), null);

        Message dead = erp.receive(BRING_DLQ, correlationId);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("UNKNOWN_ORDER");
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("REJECTED", "UNKNOWN_ORDER");
    }

    @Test
    void anExportOrderReachesBringWithItsCustomsData() throws Exception {
        String orderId = newOrderId();
        String order = Files.readString(Path.of("docs/examples/create-order-export.json")).replace("SO-100236", orderId);

        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(order, "application/json"))).contains("ACCEPTED");

        BringShipment shipment = onlyShipment(orderId).request().getShipment();
        assertThat(shipment.getCustomsClearance().getStatus()).isEqualTo("Export");
        assertThat(shipment.getCustomsClearance().getLocation().getLocationName()).isEqualTo("Svinesund");
        BringCustomsDetails details = shipment.getGoodsItem().get(0).getCustomsDetails().get(0);
        assertThat(details.getCustomsArticleNumber()).isEqualTo("61159500");
        assertThat(details.getCountryOfOrigin()).isEqualTo("NO");
        assertThat(details.getTariffLineAmount().getValue()).isEqualByComparingTo("4500");
    }

    private static String newOrderId() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<AcceptedShipment> shipments(String orderId) {
        return sandbox.shipments().stream().filter(s -> orderId.equals(s.sendersReference())).toList();
    }

    /** What the sandbox received for this order, answered or refused, in order. */
    private List<RecordedRequest> calls(String orderId) {
        return sandbox.requests().all().stream().filter(call -> call.body() != null && call.body().contains(orderId)).toList();
    }

    private AcceptedShipment onlyShipment(String orderId) {
        List<AcceptedShipment> shipments = shipments(orderId);
        assertThat(shipments).as("bookings at Bring for " + orderId).hasSize(1);
        return shipments.get(0);
    }
}

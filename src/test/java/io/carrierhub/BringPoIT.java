package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.carrierhub.bring.po.sandbox.BringPoSandbox;
import io.carrierhub.ledger.LedgerStatus;
import io.carrierhub.ledger.OrderLedger;
import io.carrierhub.ops.CarrierCallAudit;
import io.carrierhub.sandbox.RecordedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * Purchase orders and packing lists from erp.orders to the Bring Purchase Order sandbox: real SOAP calls from the
 * lane (camel-cxf) to the sandbox's CXF service, and the same flows over the REST XML interface on a second lane.
 */
@HubTest
class BringPoIT {

    static final String PO_DLQ = ErpClient.laneDlq("bring-po");
    static final String SOAP = "/po/api/ws";

    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    BringPoSandbox sandbox;
    @Autowired
    OrderLedger ledger;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CarrierCallAudit audit;
    @Autowired
    TestRestTemplate http;

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
    void purchaseOrderOverSoapAfterTheCustomerCheckThenItsPackingList() throws JMSException {
        String orderId = newOrderId();
        String status = erp.receiveText(ErpClient.ORDER_STATUS, erp.send(sample("bring-po-create.xml", orderId), "application/xml"));

        assertThat(status).contains("<outcome>ACCEPTED</outcome>",
                "<carrierReference type=\"PURCHASE_ORDER\">" + orderId + "</carrierReference>");
        assertThat(sandbox.holds("10000000000", orderId)).isTrue();
        List<RecordedRequest> calls = soapCallsFor(orderId);
        assertThat(calls).hasSize(1);
        RecordedRequest create = calls.get(0);
        assertThat(create.headers().get("Soapaction")).containsExactly("\"http://api.bring.com/po/CreatePurchaseOrder\"");
        assertThat(create.headers().get("X-mybring-api-uid")).containsExactly("sandbox@carrierhub.local");
        assertThat(create.body()).contains("updateIndicator=\"Original\"", "subClass=\"OrderingParty\"",
                "orderLineId=\"1\"", "articleLineId=\"20\"");
        assertThat(ledger.find(orderId).orElseThrow().status()).isEqualTo(LedgerStatus.ACCEPTED);

        String listStatus = erp.receiveText(ErpClient.ORDER_STATUS,
                erp.send(sample("bring-po-packing-list-transport_order.xml", orderId), "application/xml"));
        assertThat(listStatus).contains("<outcome>ACCEPTED</outcome>", "<action>TRANSPORT_ORDER</action>",
                "<carrierReference type=\"CONSIGNMENT\">70703223343223526</carrierReference>");
        assertThat(soapCallsFor(orderId)).last().extracting(RecordedRequest::body).asString()
                .contains("CreateTransportOrderRequest", "<PurchaseOrderNo>" + orderId + "</PurchaseOrderNo>");
    }

    @Test
    void theCustomerCheckIsAskedOncePerCustomerWhileFresh() throws JMSException {
        long checksBefore = checks();
        for (int i = 0; i < 2; i++) {
            String orderId = newOrderId();
            assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(sample("bring-po-create.xml", orderId)
                    .replace("10000000000", "10000000001"), "application/xml"))).contains("<outcome>ACCEPTED</outcome>");
        }
        assertThat(checks() - checksBefore).isEqualTo(1);
    }

    @Test
    void aPackingListThatDoesNotMatchThePurchaseOrderIsRefusedBeforeBringSeesIt() throws JMSException {
        String orderId = newOrderId();
        erp.receiveText(ErpClient.ORDER_STATUS, erp.send(sample("bring-po-create.xml", orderId), "application/xml"));
        int callsBefore = soapCallsFor(orderId).size();

        String correlationId = erp.send(sample("bring-po-packing-list-transport_order.xml", orderId)
                .replace("<quantity>150</quantity>", "<quantity>250</quantity>").replace("articleLineId=\"20\"", "articleLineId=\"30\""),
                "application/xml");

        Message dead = erp.receive(PO_DLQ, correlationId);
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("PACKING_LIST_MISMATCH");
        assertThat(dead.getStringProperty("HubErrorReason")).contains("quantity 250 is more than the 200 ordered",
                "orderLine 1 article line 30 is not on purchase order " + orderId);
        assertThat(soapCallsFor(orderId)).hasSize(callsBefore);
    }

    @Test
    void aCustomerThatIsNoPurchaseOrderCustomerIsRefused() throws JMSException {
        String orderId = newOrderId();
        String correlationId = erp.send(sample("bring-po-create.xml", orderId).replace("10000000000", "10000000009"), "application/xml");

        Message dead = erp.receive(PO_DLQ, correlationId);
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("CARRIER_NOT_PO_CUSTOMER");
        assertThat(sandbox.holds("10000000009", orderId)).isFalse();
    }

    @Test
    void accessDeniedIsAConfigurationErrorThatTakesTheCarriersHealthDownUntilACallSucceeds() throws JMSException {
        String correlationId = erp.send(sample("bring-po-create.xml", newOrderId()).replace("10000000000", "77777777"), "application/xml");

        Message dead = erp.receive(PO_DLQ, correlationId);
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo("CARRIER_CONFIGURATION");
        assertThat(dead.getStringProperty("HubErrorReason"))
                .isEqualTo("bring-po answered HTTP 200 PO_STATE_004: Access is denied to read this purchaseorder");
        JsonNode carriers = http.getForObject("/actuator/health", JsonNode.class).path("components").path("carriers");
        assertThat(carriers.path("status").asText()).isEqualTo("DOWN");
        assertThat(carriers.path("details").path("bring-po").path("configurationError").asText()).startsWith("PO_STATE_004");

        erp.receiveText(ErpClient.ORDER_STATUS, erp.send(sample("bring-po-create.xml", newOrderId()), "application/xml"));
        assertThat(http.getForObject("/actuator/health", JsonNode.class).path("components").path("carriers")
                .path("details").path("bring-po").has("configurationError")).isFalse();
    }

    @Test
    void aServerFaultIsRetriedOnTheLane() throws JMSException {
        String orderId = newOrderId();
        sandbox.faults().failNext(2, 500);

        String status = erp.receiveText(ErpClient.ORDER_STATUS, erp.send(sample("bring-po-create.xml", orderId), "application/xml"));

        assertThat(status).contains("<outcome>ACCEPTED</outcome>");
        assertThat(sandbox.holds("10000000000", orderId)).isTrue();
    }

    @Test
    void acceptedThenFailedIsOnePurchaseOrder() throws JMSException {
        // a first order, so that the customer's check is asked and kept, and the fault meets the create
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(sample("bring-po-create.xml", newOrderId()), "application/xml")))
                .contains("<outcome>ACCEPTED</outcome>");
        String orderId = newOrderId();
        sandbox.faults().acceptThenFailNext(1);

        String correlationId = erp.send(sample("bring-po-create.xml", orderId), "application/xml");

        // Bring took the first Original but answered 500; the retry's Original meets PO_INPUT_024 for the ERP's
        // order id, which a retry takes as the first one's success (docs/operations.md, a second booking after a crash)
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("<outcome>ACCEPTED</outcome>",
                "<carrierReference type=\"PURCHASE_ORDER\">" + orderId + "</carrierReference>");
        assertThat(erp.nothingOn(ErpClient.ORDER_STATUS, correlationId)).as("one answer").isTrue();
        assertThat(soapCallsFor(orderId)).extracting(RecordedRequest::status).containsExactly(500, 200);
        assertThat(sandbox.holds("10000000000", orderId)).isTrue();
    }

    @Test
    void bringAnsweringTooLateIsCalledAgainAfterTheHubsResponseTimeoutNotCxfsMinute() throws JMSException {
        String orderId = newOrderId();
        int before = sandbox.requests().all().size();
        Duration late = Duration.ofSeconds(4);   // hub.http.response-timeout is 1 s in tests; CXF's own default 60 s
        sandbox.faults().latency(late);

        String correlationId = erp.send(sample("bring-po-create.xml", orderId), "application/xml");
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.requests().all().size() >= before + 2);
        sandbox.faults().reset();

        List<RecordedRequest> calls = sandbox.requests().all().subList(before, before + 2);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).as("the second call did not wait for the first answer")
                .isLessThan(late);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("<outcome>ACCEPTED</outcome>");
        assertThat(sandbox.holds("10000000000", orderId)).isTrue();
    }

    @Test
    void everySoapCallIsTimedAndAuditedAsHttpCallsAre() throws JMSException {
        String orderId = newOrderId();

        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(sample("bring-po-create.xml", orderId), "application/xml")))
                .contains("<outcome>ACCEPTED</outcome>");

        assertThat(audit.forOrder(orderId)).anySatisfy(call -> {
            assertThat(call.carrier()).isEqualTo("bring-po");
            assertThat(call.operation()).isEqualTo("SOAP CreatePurchaseOrder");
            assertThat(call.status()).isEqualTo("200");
            assertThat(call.requestBody()).contains(orderId);
            assertThat(call.responseBody()).contains("CreatePurchaseOrderResponse");
        });
        assertThat(meters.find("hub.carrier.call").tag("carrier", "bring-po").tag("status", "200").timer())
                .isNotNull();
    }

    @Test
    void aTraceMessageAboutTheSchemaIsAWarningAndAMetricNeverAFailure() throws JMSException {
        double before = traces("bring-po");
        String status = erp.receiveText(ErpClient.ORDER_STATUS, erp.send(sample("bring-po-create.xml", newOrderId()), "application/xml"));
        assertThat(status).contains("<outcome>ACCEPTED</outcome>");
        assertThat(traces("bring-po")).isGreaterThan(before);
    }

    @Test
    void theRestXmlInterfaceCarriesTheSameFlows() throws JMSException {
        String orderId = newOrderId();
        String status = erp.receiveText(ErpClient.ORDER_STATUS, erp.send(sample("bring-po-create.json", orderId)
                .replace("\"bring-po\"", "\"bring-po-rest\""), "application/json"));

        assertThat(status).as(sandbox.requests().all().stream().map(r -> r.method() + " " + r.path() + " " + r.status()).toList().toString())
                .contains("\"outcome\":\"ACCEPTED\"");
        assertThat(sandbox.holds("10000000000", orderId)).isTrue();
        assertThat(sandbox.requests().matching("/po/api/v1/order")).anyMatch(request -> request.body().contains(orderId)
                && request.headers().get("X-mybring-api-key").contains("sandbox-key"));

        String listStatus = erp.receiveText(ErpClient.ORDER_STATUS, erp.send(sample("bring-po-packing-list-transport_order.json", orderId)
                .replace("\"bring-po\"", "\"bring-po-rest\""), "application/json"));
        assertThat(listStatus).contains("\"outcome\":\"ACCEPTED\"");
        assertThat(sandbox.requests().matching("/po/api/v1/transport")).anyMatch(request -> request.body().contains(orderId));
    }

    private double traces(String carrier) {
        var counter = meters.find("hub.carrier.trace.messages").tag("carrier", carrier).counter();
        return counter == null ? 0 : counter.count();
    }

    private long checks() {
        return sandbox.requests().matching(SOAP).stream().filter(request -> request.body().contains("IsPurchaseorderCustomerRequest")).count();
    }

    private List<RecordedRequest> soapCallsFor(String orderId) {
        return sandbox.requests().matching(SOAP).stream().filter(request -> request.body().contains(orderId)).toList();
    }

    static String sample(String name, String orderId) {
        try {
            return Files.readString(Path.of("samples", name)).replace("PO-450410", orderId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String newOrderId() {
        return "PO-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

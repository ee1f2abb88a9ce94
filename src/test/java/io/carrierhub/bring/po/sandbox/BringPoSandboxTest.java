package io.carrierhub.bring.po.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The Bring Purchase Order sandbox as a client that shares nothing with the hub's sees it: SOAP envelopes and REST XML
 * written by hand, over the JDK's HTTP client. Each error code in the situation its description names.
 */
class BringPoSandboxTest {

    static final String UID = "sandbox@carrierhub.local";
    static final String KEY = "sandbox-key";
    static final String PROPS = "<po:RequestProperties><po:SchemaVersion>1</po:SchemaVersion><po:Locale>en</po:Locale>"
            + "<po:DateAndTimes subClass=\"RequestDate\">2026-12-01T10:00:00+01:00</po:DateAndTimes></po:RequestProperties>";
    static final String PARTIES = "<po:Party subClass=\"OrderingParty\"><po:Name>A</po:Name><po:Address><po:City>Bergen</po:City>"
            + "<po:CountryCode>NO</po:CountryCode><po:Street>Gate 1</po:Street></po:Address></po:Party>"
            + "<po:Party subClass=\"DeliveryParty\"><po:Name>B</po:Name><po:Address><po:City>Oslo</po:City>"
            + "<po:CountryCode>NO</po:CountryCode><po:Street>Gate 2</po:Street></po:Address></po:Party>";

    static BringPoSandbox sandbox;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        sandbox = new BringPoSandbox(new BringPoSandboxProperties(true, 0, UID, KEY, List.of("100", "101"), List.of("109"),
                1, Duration.ofHours(1), 0.0, Duration.ZERO));
        sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void soapCustomerCheckAndPurchaseOrderLifecycle() throws Exception {
        assertThat(soap("IsPurchaseorderCustomerRequest", PROPS + "<po:CustomerNo>100</po:CustomerNo>", true))
                .contains("<IsPurchaseOrderCustomer>true</IsPurchaseOrderCustomer>");
        assertThat(soap("IsPurchaseorderCustomerRequest", PROPS + "<po:CustomerNo>109</po:CustomerNo>", true))
                .contains("<IsPurchaseOrderCustomer>false</IsPurchaseOrderCustomer>");
        assertThat(soap("CreatePurchaseOrderRequest", PROPS + "<po:CustomerNo>100</po:CustomerNo>" + order("Original", "2"), true))
                .contains("<Status>OK</Status>");
        assertThat(soap("GetSenderStatusRequest", PROPS + about("1"), true)).contains("<SenderStatus>OPEN</SenderStatus>");
        sandbox.lock("100", "1");
        assertThat(soap("GetSenderStatusRequest", PROPS + about("1"), true)).contains("<SenderStatus>LOCKED</SenderStatus>");
        assertThat(soap("CreateTransportOrderRequest", PROPS + about("1") + transport("C1", "1", "10", "2"), true))
                .contains("<Status>OK</Status>");
        assertThat(soap("GetTransportOrderRequest", PROPS + about("1"), true)).contains("<ConsignmentId>C1</ConsignmentId>");
        assertThat(soap("GetPurchaseOrderItemRequest", PROPS + about("1"), true)).contains("articleLineId=\"10\"");
        assertThat(soap("CreateEventRequest", PROPS + event("C1", "DELIVERED", "2026-12-01T10:00:00+01:00"), true))
                .contains("<Status>OK</Status>");
        assertThat(sandbox.events()).hasSize(1);
        assertThat(soap("CreatePurchaseOrderRequest", PROPS + "<po:CustomerNo>100</po:CustomerNo>" + order("Delete", "2"), true))
                .contains("<Status>OK</Status>");
        assertThat(soap("GetSenderStatusRequest", PROPS + about("1"), true))
                .contains("<SenderStatus>NOT_FOUND</SenderStatus>", "<Code>PO_STATE_001</Code>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PO_INPUT_001|IsPurchaseorderCustomerRequest|PROPS<po:CustomerNo>abc</po:CustomerNo>",
        "PO_INPUT_002|GetPurchaseOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo>",
        "PO_INPUT_003|IsPurchaseorderCustomerRequest|<po:RequestProperties><po:SchemaVersion>7</po:SchemaVersion><po:Locale>en</po:Locale><po:DateAndTimes subClass=\"RequestDate\">2026-12-01T10:00:00Z</po:DateAndTimes></po:RequestProperties><po:CustomerNo>100</po:CustomerNo>",
        "PO_INPUT_004|IsPurchaseorderCustomerRequest|<po:RequestProperties><po:SchemaVersion>1</po:SchemaVersion><po:Locale>en</po:Locale></po:RequestProperties><po:CustomerNo>100</po:CustomerNo>",
        "PO_INPUT_005|IsPurchaseorderCustomerRequest|<po:RequestProperties><po:SchemaVersion>1</po:SchemaVersion><po:Locale>xx</po:Locale><po:DateAndTimes subClass=\"RequestDate\">2026-12-01T10:00:00Z</po:DateAndTimes></po:RequestProperties><po:CustomerNo>100</po:CustomerNo>",
        "PO_INPUT_006|IsPurchaseorderCustomerRequest|<po:CustomerNo>100</po:CustomerNo>",
        "PO_INPUT_007|CreateTransportOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>1</po:PurchaseOrderNo><po:TransportOrder/>",
        "PO_INPUT_008|CreateEventRequest|PROPS<po:Event><po:ConsignmentId>C1</po:ConsignmentId><po:EventType>EXPLODED</po:EventType><po:Timestamp>2026-12-01T10:00:00Z</po:Timestamp></po:Event>",
        "PO_INPUT_009|CreateEventRequest|PROPS<po:Event><po:ConsignmentId>C1</po:ConsignmentId><po:EventType>DELIVERED</po:EventType></po:Event>",
        "PO_INPUT_010|CreateTransportOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>999</po:PurchaseOrderNo><po:TransportOrder><po:ConsignmentId>C9</po:ConsignmentId></po:TransportOrder>",
        "PO_INPUT_011|CreateTransportOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>1</po:PurchaseOrderNo>TRANSPORT_NEGATIVE",
        "PO_INPUT_012|CreateTransportOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>1</po:PurchaseOrderNo>TRANSPORT_UNKNOWN_LINE",
        "PO_INPUT_013|CreateTransportOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>1</po:PurchaseOrderNo><po:TransportOrder><po:ConsignmentId>C2</po:ConsignmentId><po:ShippingContainer/></po:TransportOrder>",
        "PO_INPUT_014|CreateTransportOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>1</po:PurchaseOrderNo><po:TransportOrder><po:ConsignmentId>C2</po:ConsignmentId><po:ShippingContainer><po:ShippingContainerId>S1</po:ShippingContainerId><po:ContainerType>BARREL</po:ContainerType></po:ShippingContainer></po:TransportOrder>",
        "PO_INPUT_015|CreateTransportOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>1</po:PurchaseOrderNo><po:TransportOrder><po:ConsignmentId>C2</po:ConsignmentId><po:ShippingContainer><po:ShippingContainerId>S1</po:ShippingContainerId><po:ContainerType>PALLET</po:ContainerType></po:ShippingContainer></po:TransportOrder>",
        "PO_INOUT_016|CreateTransportOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>1</po:PurchaseOrderNo><po:TransportOrder><po:ConsignmentId>C2</po:ConsignmentId><po:ShippingContainer><po:ShippingContainerId>S1</po:ShippingContainerId><po:ContainerType>PALLET</po:ContainerType><po:Content/></po:ShippingContainer></po:TransportOrder>",
        "PO_INPUT_019|CreatePurchaseOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo>",
        "PO_INPUT_020|CreateTransportOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>1</po:PurchaseOrderNo>",
        "PO_INPUT_021|CreateTransportOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>1</po:PurchaseOrderNo><po:TransportOrder><po:ConsignmentId>C2</po:ConsignmentId><po:PackingListAdditionalSet><po:PackingListAdditionalItem><po:ArticleQuantity>1</po:ArticleQuantity></po:PackingListAdditionalItem></po:PackingListAdditionalSet></po:TransportOrder>",
        "PO_INPUT_024|CreatePurchaseOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo>ORDER_ORIGINAL",
        "PO_STATE_001|GetPurchaseOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>999</po:PurchaseOrderNo>",
        "PO_STATE_003|GetPurchaseOrderItemRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>999</po:PurchaseOrderNo>",
        "PO_STATE_004|GetSenderStatusRequest|PROPS<po:CustomerNo>555</po:CustomerNo><po:PurchaseOrderNo>1</po:PurchaseOrderNo>",
        "PO_STATE_005|GetTransportOrderRequest|PROPS<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>1</po:PurchaseOrderNo>",
    })
    void everyErrorCodeInItsSituation(String code, String request, String content) throws Exception {
        soap("CreatePurchaseOrderRequest", PROPS + "<po:CustomerNo>100</po:CustomerNo>" + order("Original", "2"), true);
        String body = content.replace("PROPS", PROPS)
                .replace("TRANSPORT_NEGATIVE", transport("C2", "1", "10", "-1"))
                .replace("TRANSPORT_UNKNOWN_LINE", transport("C2", "1", "30", "1"))
                .replace("ORDER_ORIGINAL", order("Original", "2"));
        assertThat(soap(request, body, true)).contains("<Code>" + code + "</Code>");
    }

    @Test
    void missingLoginIsPoState002InANormalAnswer() throws Exception {
        String answer = soap("GetSenderStatusRequest", PROPS + about("1"), false);
        assertThat(answer).contains("<Code>PO_STATE_002</Code>", "<SenderStatus>NOT_FOUND</SenderStatus>").doesNotContain("Fault");
    }

    @Test
    void restXmlInterfaceWithAndWithoutNamespaceAndItsFormatErrors() throws Exception {
        assertThat(rest("GET", "/purchaseorderCustomer/100", null).body()).contains("<IsPurchaseOrderCustomer>true</IsPurchaseOrderCustomer>");
        String create = "<CreatePurchaseOrderRequest>" + PROPS.replace("po:", "") + "<CustomerNo>100</CustomerNo>"
                + order("Original", "2").replace("po:", "") + "</CreatePurchaseOrderRequest>";
        assertThat(rest("POST", "/order", create).body()).contains("<Status>OK</Status>");
        assertThat(rest("GET", "/senderStatus/100/1.xml", null).body()).contains("<SenderStatus>OPEN</SenderStatus>");
        String packing = "<CreatePackagingListRequest xmlns=\"http://api.bring.com/po\">" + PROPS.replace("po:", "")
                + "<CustomerNo>100</CustomerNo><PurchaseOrderNo>1</PurchaseOrderNo>"
                + transport("C1", "1", "10", "1").replace("po:", "").replace("TransportOrder>", "PackingList>") + "</CreatePackagingListRequest>";
        assertThat(rest("POST", "/transport", packing).body()).contains("<Status>OK</Status>");
        assertThat(rest("POST", "/order", "<not-xml").body()).contains("<Code>PO_INPUT_017</Code>");
        assertThat(rest("GET", "/errorCodes.json", null).body()).contains("<Code>PO_INPUT_018</Code>");
        String codes = rest("GET", "/errorCodes", null).body();
        assertThat(codes).contains("<Code>PO_INOUT_016</Code>", "<Code>PO_STATE_005</Code>", "<Code>PO_INPUT_024</Code>");
        assertThat(rest("GET", "/nothing/here", null).statusCode()).isEqualTo(404);
    }

    static String order(String indicator, String quantity) {
        return "<po:PurchaseOrderSet updateIndicator=\"" + indicator + "\"><po:PurchaseOrder orderId=\"1\"/>" + PARTIES
                + "<po:OrderLineSet orderLineId=\"1\"><po:OrderItem articleLineId=\"10\"><po:ArticleQuantity>" + quantity
                + "</po:ArticleQuantity><po:Description><po:Text>Socks</po:Text></po:Description>"
                + "<po:DateAndTimes subClass=\"DeliveryDateRequested\">2036-12-31T12:00:00+01:00</po:DateAndTimes></po:OrderItem></po:OrderLineSet>"
                + "<po:DateAndTimes subClass=\"DocumentDate\">2026-12-01T10:00:00+01:00</po:DateAndTimes></po:PurchaseOrderSet>";
    }

    static String about(String purchaseOrderNo) {
        return "<po:CustomerNo>100</po:CustomerNo><po:PurchaseOrderNo>" + purchaseOrderNo + "</po:PurchaseOrderNo>";
    }

    static String transport(String consignment, String line, String article, String quantity) {
        return "<po:TransportOrder><po:ConsignmentId>" + consignment + "</po:ConsignmentId><po:PackingListSet orderLineId=\"" + line
                + "\"><po:PackingListItem articleLineId=\"" + article + "\"><po:ArticleQuantity>" + quantity
                + "</po:ArticleQuantity></po:PackingListItem></po:PackingListSet></po:TransportOrder>";
    }

    static String event(String consignment, String type, String timestamp) {
        return "<po:Event><po:ConsignmentId>" + consignment + "</po:ConsignmentId><po:EventType>" + type
                + "</po:EventType><po:PerformedBy>hub</po:PerformedBy><po:Timestamp>" + timestamp + "</po:Timestamp></po:Event>";
    }

    String soap(String element, String content, boolean loggedIn) throws IOException, InterruptedException {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:po=\"http://api.bring.com/po\">"
                + "<soapenv:Header/><soapenv:Body><po:" + element + ">" + content + "</po:" + element + "></soapenv:Body></soapenv:Envelope>";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.address() + "/po/api/ws"))
                .header("Content-Type", "text/xml;charset=UTF-8")
                .header("SOAPAction", "\"http://api.bring.com/po/" + element.replace("Request", "").replace("Purchaseorder", "PurchaseOrder") + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope));
        if (loggedIn) {
            request.header("X-MyBring-API-Uid", UID).header("X-MyBring-API-Key", KEY);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    HttpResponse<String> rest(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.address() + "/po/api/v1" + path))
                .header("X-Mybring-API-Uid", UID).header("X-Mybring-API-Key", KEY).header("Content-Type", "application/xml")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

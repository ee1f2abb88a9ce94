package io.carrierhub.bring.shipment;

import static io.carrierhub.bring.shipment.BringSamples.golden;
import static io.carrierhub.bring.shipment.BringSamples.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.carrierhub.bring.shipment.model.BringGoodsItem;
import io.carrierhub.bring.shipment.model.BringDeliveryLocation;
import io.carrierhub.bring.shipment.model.BringDeliveryTerms;
import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.bring.shipment.model.BringTermsType;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.error.HubFaultException;
import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

class BringShipmentCodecTest {

    private final BringShipmentCodec codec = new BringShipmentCodec();
    private final BringShipmentMapper mapper = new BringShipmentMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"response.xml, false", "response.json, true"})
    void readsTheIdsFromBringsResponse(String sample, boolean json) {
        BringShipmentMapper.Result result = mapper.toResult(codec.readResponse(golden(sample), json));

        assertThat(result.ok()).isTrue();
        assertThat(result.status()).isEqualTo("OK_CONFIRMED");
        assertThat(result.statusText()).isEqualTo("Order created");
        assertThat(result.shipmentId()).isEqualTo("70438103433199319");
        assertThat(result.packageIds()).containsExactly("370438103696190758");
        assertThat(result.errors()).isNull();
    }

    @Test
    void readsPackageIdsAsAnArrayAndErrorsFromJson() {
        String body = """
                {"CreateShipmentResponse": {
                  "Status": "VALIDATION_ERROR",
                  "Errors": [{"Error": "VALIDATION", "ErrorText": "Receiver.Email must have a value"}],
                  "Identities": [{"ShipmentId": "70438103433199319", "PackageId": ["370438103696190758", "370438103696190765"]}],
                  "SomethingNew": true}}
                """;

        BringShipmentMapper.Result result = mapper.toResult(codec.readResponse(body.getBytes(StandardCharsets.UTF_8), true));

        assertThat(result.ok()).isFalse();
        assertThat(result.packageIds()).containsExactly("370438103696190758", "370438103696190765");
        assertThat(result.errors()).isEqualTo("VALIDATION: Receiver.Email must have a value");
    }

    @Test
    void decodesResponsesByTheHttpCharsetThenTheXmlDeclaration() {
        String xml = "<CreateShipmentResponse xmlns=\"http://api.bring.com/CreateShipment\">"
                + "<Status>VALIDATION_ERROR</Status><StatusText>Mottakers by mangler: Tromsø</StatusText></CreateShipmentResponse>";
        String declared = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + xml;
        String json = "{\"CreateShipmentResponse\": {\"Status\": \"VALIDATION_ERROR\", \"StatusText\": \"Mottakers by mangler: Tromsø\"}}";

        assertThat(codec.readResponse(xml.getBytes(StandardCharsets.ISO_8859_1), false, "application/xml; charset=ISO-8859-1").getStatusText())
                .endsWith("Tromsø");
        assertThat(codec.readResponse(json.getBytes(StandardCharsets.ISO_8859_1), true, "application/json;charset=iso-8859-1").getStatusText())
                .endsWith("Tromsø");
        assertThat(codec.readResponse(declared.getBytes(StandardCharsets.ISO_8859_1), false, "application/xml").getStatusText())
                .endsWith("Tromsø");
        assertThat(codec.readResponse(xml.getBytes(StandardCharsets.UTF_8), false, "application/xml").getStatusText())
                .endsWith("Tromsø");
        assertThatThrownBy(() -> codec.readResponse(xml.getBytes(StandardCharsets.UTF_8), false, "application/xml; charset=x-unknown"))
                .isInstanceOfSatisfying(CarrierRejectedException.class, e -> assertThat(e.code()).isEqualTo("CARRIER_RESPONSE_INVALID"));
    }

    @Test
    void refusesAResponseItCannotRead() {
        assertThatThrownBy(() -> codec.readResponse("{\"Status\":\"OK\"}".getBytes(StandardCharsets.UTF_8), true))
                .isInstanceOfSatisfying(CarrierRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("CARRIER_RESPONSE_INVALID"));
        assertThatThrownBy(() -> codec.readResponse("<html><body/></html>".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(CarrierRejectedException.class);
        assertThatThrownBy(() -> codec.readResponse("<html>".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(CarrierRejectedException.class);
    }

    @Test
    void writesXmlInIso88591WithOnlyTheRootInBringsNamespace() throws Exception {
        byte[] xml = codec.writeXmlRequest(request("order-shipment-xml.xml"));

        String text = new String(xml, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"").contains("Skal hentes på resepsjon");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(BringShipmentCodec.NAMESPACE);
        assertThat(root.getFirstChild().getLocalName()).isEqualTo("RequestVersion");
        assertThat(root.getFirstChild().getNamespaceURI()).isNull();
    }

    @Test
    void writesJsonRequestsWithoutARootAndInAscii() throws Exception {
        byte[] json = codec.writeJsonRequest(request("order-shipment-xml.xml"), JsonEnums.ORDINAL);

        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.fieldNames()).toIterable().containsExactly("RequestVersion", "RequestDate", "Shipment");
        assertThat(new String(json, StandardCharsets.US_ASCII)).contains("p\\u00E5 resepsjon");
    }

    @Test
    void writesTheDotNetCodeListsAsOrdinalsOrByNameAsConfigured() {
        JAXBElement<BringShipmentRequest> request = request("order-shipment-xml.xml");

        JsonNode ordinals = BringSampleJson.read(codec.writeJsonRequest(request, JsonEnums.ORDINAL));
        JsonNode names = BringSampleJson.read(codec.writeJsonRequest(request, JsonEnums.NAME));

        assertThat(List.of(ordinals, names)).extracting(json -> json.at("/Shipment/ShipmentHeaders/GrossVolume/unitCode"))
                .containsExactly(IntNode.valueOf(1), TextNode.valueOf("MTQ"));
        assertThat(List.of(ordinals, names)).extracting(json -> json.at("/Shipment/DeliveryTerms/termsType"))
                .containsExactly(IntNode.valueOf(0), TextNode.valueOf("Incoterms"));
        assertThat(List.of(ordinals, names)).extracting(json -> json.at("/Shipment/GoodsItem/0/DangerousGoods/Restrictions/0/restrictionType"))
                .containsExactly(IntNode.valueOf(0), TextNode.valueOf("Tunnel"));
        // codes the samples write as names stay names, and the one DangerousGoods is an object in both
        for (JsonNode json : List.of(ordinals, names)) {
            assertThat(json.at("/Shipment/updateIndicator").asText()).isEqualTo("Original");
            assertThat(json.at("/Shipment/CashOnDelivery/TransactionIdentifier/accountType").asText()).isEqualTo("Unleaded");
            assertThat(json.at("/Shipment/GoodsItem/0/DangerousGoods").isObject()).isTrue();
        }
    }

    @Test
    void writesSeveralDangerousGoodsOfOneItemAsTheArrayTheRamlTypes() {
        JAXBElement<BringShipmentRequest> request = request("order-shipment-xml.xml");
        BringGoodsItem item = request.getValue().getShipment().getGoodsItem().get(0);
        item.getDangerousGoods().add(item.getDangerousGoods().get(0));

        JsonNode json = BringSampleJson.read(codec.writeJsonRequest(request, JsonEnums.ORDINAL));

        assertThat(json.at("/Shipment/GoodsItem/0/DangerousGoods").size()).isEqualTo(2);
        assertThat(json.at("/Shipment/GoodsItem/0/DangerousGoods").isArray()).isTrue();
    }

    @ParameterizedTest(name = "json={0}")
    @CsvSource({"false", "true"})
    void refusesToWriteARequestThatBreaksTheSchemaAsAHubFault(boolean json) {
        JAXBElement<BringShipmentRequest> request = request("order-shipment-xml.xml");
        BringDeliveryLocation cityOnly = new BringDeliveryLocation();
        cityOnly.setCity("Bergen");
        BringDeliveryTerms terms = new BringDeliveryTerms();
        terms.setTermsType(BringTermsType.INCOTERMS);
        terms.setConditionCode("DAP");
        terms.setLocation(cityOnly);
        request.getValue().getShipment().setDeliveryTerms(terms);

        ThrowingCallable write = json ? () -> codec.writeJsonRequest(request, JsonEnums.ORDINAL) : () -> codec.writeXmlRequest(request);
        assertThatThrownBy(write)
                .isInstanceOfSatisfying(HubFaultException.class, e -> assertThat(e.code()).isEqualTo("HUB_MAPPING"))
                .hasMessageContaining("xsd/bring-shipment.xsd").hasMessageContaining("CountryCode");
    }
}

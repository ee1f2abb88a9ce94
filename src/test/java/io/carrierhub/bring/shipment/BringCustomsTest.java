package io.carrierhub.bring.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.bring.shipment.model.BringCustomsClearance;
import io.carrierhub.bring.shipment.model.BringCustomsDetails;
import io.carrierhub.bring.shipment.model.BringShipment;
import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.bring.shipment.model.ObjectFactory;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.Order;
import io.carrierhub.xml.XmlContract;
import io.carrierhub.xml.XmlDates;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.xml.bind.JAXBElement;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented export order's customs data, in Bring's CustomsClearance and CustomsDetails, held to the schema. */
class BringCustomsTest {

    private final BringShipmentMapper mapper = new BringShipmentMapper();
    private final BringShipmentCodec codec = new BringShipmentCodec();
    // the XML as written read back, held to the schema in its documented order
    private final XmlContract xml = new XmlContract("xsd/bring-shipment.xsd", ObjectFactory.class);

    @ParameterizedTest
    @ValueSource(strings = {"create-order-export.xml", "create-order-export.json"})
    void customsReachBringAndFollowItsSchema(String example) throws Exception {
        Order order = new OrderCodec().read(Files.readAllBytes(Path.of("docs/examples", example)), null).order();

        JAXBElement<BringShipmentRequest> request = mapper.toRequest(order, "Original", XmlDates.parse("2036-11-22T11:02:40+01:00"),
                () -> XmlDates.parse("2036-11-22T11:02:40+01:00"));
        JsonNode json = BringSampleJson.read(codec.writeJsonRequest(request, JsonEnums.ORDINAL));
        assertThat(json.at("/Shipment/CustomsClearance/LocationName").asText() + json.at("/Shipment/CustomsClearance/Location/LocationName").asText())
                .contains("Svinesund");
        assertThat(json.at("/Shipment/GoodsItem/0/CustomsDetails").toString()).contains("61159500", "Cotton socks");
        JAXBElement<?> read = (JAXBElement<?>) xml.read(codec.writeXmlRequest(request));

        BringShipment shipment = ((BringShipmentRequest) read.getValue()).getShipment();
        BringCustomsClearance clearance = shipment.getCustomsClearance();
        assertThat(clearance.getStatus()).isEqualTo("Export");
        assertThat(clearance.getFunction()).isEqualTo("Final");
        assertThat(clearance.getLocation().getSubClass()).isEqualTo("BorderPassing");
        assertThat(clearance.getLocation().getLocationId()).isEqualTo("NO123456");
        assertThat(clearance.getLocation().getIdType()).isEqualTo("157");
        assertThat(clearance.getLocation().getLocationName()).isEqualTo("Svinesund");
        BringCustomsDetails details = shipment.getGoodsItem().get(0).getCustomsDetails().get(0);
        assertThat(details.getCustomsArticleNumber()).isEqualTo("61159500");
        assertThat(details.getGoodsDescription()).isEqualTo("Cotton socks");
        assertThat(details.getCountryOfOrigin()).isEqualTo("NO");
        assertThat(details.getQuantity()).isEqualByComparingTo("200");
        assertThat(details.getTariffLineAmount().getCurrencyCode()).isEqualTo("NOK");
        assertThat(details.getTariffLineAmount().getValue()).isEqualByComparingTo("4500");
        assertThat(details.getNetWeight()).as("2100 g in kilograms").isEqualByComparingTo(new BigDecimal("2.1"));
        assertThat(shipment.getGoodsItem().get(0).getPackageTypeCode()).isEqualTo("PK");
        assertThat(shipment.getGoodsItem().get(0).getGoodsDescription()).isEqualTo("Socks");
    }
}

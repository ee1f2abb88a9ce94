package io.carrierhub.bring.shipment.sandbox;

import static io.carrierhub.bring.shipment.BringSamples.golden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carrierhub.bring.shipment.model.BringAccountType;
import io.carrierhub.bring.shipment.model.BringDangerousGoods;
import io.carrierhub.bring.shipment.model.BringGoodsItem;
import io.carrierhub.bring.shipment.model.BringIdentifierType;
import io.carrierhub.bring.shipment.model.BringLengthUnit;
import io.carrierhub.bring.shipment.model.BringRestrictionType;
import io.carrierhub.bring.shipment.model.BringShipment;
import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.bring.shipment.model.BringTemperatureUnit;
import io.carrierhub.bring.shipment.model.BringTermsType;
import io.carrierhub.bring.shipment.model.BringVolumeUnit;
import io.carrierhub.bring.shipment.model.BringWeightUnit;
import io.carrierhub.error.InvalidMessageException;
import jakarta.xml.bind.JAXBElement;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON requests read as Bring's .NET reader takes them: the seed's ordinals and objects, or names and arrays. */
class JsonRequestsTest {

    private final JsonRequests requests = new JsonRequests();

    @Test
    void readsTheSeedsOrdinalsAtTheirPlaceInTheDocumentedCodeLists() {
        JAXBElement<BringShipmentRequest> request = requests.read(golden("shipment.json"));

        assertThat(request.getName().getLocalPart()).isEqualTo("CreateShipmentRequest");
        BringShipment shipment = request.getValue().getShipment();
        assertThat(shipment.getShipmentHeaders().getGrossWeight().getUnitCode()).isEqualTo(BringWeightUnit.KGM);
        assertThat(shipment.getShipmentHeaders().getGrossVolume().getUnitCode()).isEqualTo(BringVolumeUnit.MTQ);
        assertThat(shipment.getDeliveryTerms().getTermsType()).isEqualTo(BringTermsType.INCOTERMS);
        assertThat(shipment.getCashOnDelivery().getTransactionIdentifier().getIdentifierType()).isEqualTo(BringIdentifierType.SS);
        assertThat(shipment.getCashOnDelivery().getMonetaryAccount().getAccountNumber().getAccountType()).isEqualTo(BringAccountType.BANK);
        BringGoodsItem item = shipment.getGoodsItem().get(0);
        assertThat(item.getTemperature().getTransport().getUnitCode()).isEqualTo(BringTemperatureUnit.CEL);
        assertThat(item.getPackage().get(0).getDimensions().getHeight().getUnitCode()).isEqualTo(BringLengthUnit.MTR);
        assertThat(item.getDangerousGoods()).singleElement().satisfies(goods ->
                assertThat(goods.getRestrictions().get(0).getRestrictionType()).isEqualTo(BringRestrictionType.TUNNEL));
    }

    @Test
    void readsTheCodesByNameAndDangerousGoodsAsAnArray() {
        JAXBElement<BringShipmentRequest> request = requests.read(bytes("""
                {"RequestVersion": "1", "Shipment": {"shipmentType": "Booking", "updateIndicator": "Original",
                  "DeliveryTerms": {"ConditionCode": "12", "termsType": "PrePaid"},
                  "GoodsItem": [{"Package": [{"GrossWeight": {"unitCode": "GRM", "Value": 500}}],
                    "DangerousGoods": [{"HazardClass": "3", "Restrictions": [{"restrictionType": "Tunnel", "Value": "D/E"}]},
                                       {"HazardClass": "8"}]}]}}
                """));

        assertThat(request.getName().getLocalPart()).isEqualTo("CreateBookingRequest");
        BringShipment shipment = request.getValue().getShipment();
        assertThat(shipment.getDeliveryTerms().getTermsType()).isEqualTo(BringTermsType.PRE_PAID);
        BringGoodsItem item = shipment.getGoodsItem().get(0);
        assertThat(item.getPackage().get(0).getGrossWeight().getUnitCode()).isEqualTo(BringWeightUnit.GRM);
        assertThat(item.getDangerousGoods()).extracting(BringDangerousGoods::getHazardClass).containsExactly("3", "8");
        assertThat(item.getDangerousGoods().get(0).getRestrictions().get(0).getRestrictionType()).isEqualTo(BringRestrictionType.TUNNEL);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"Shipment\": {\"updateIndicator\": 0}}",
            "{\"Shipment\": {\"ShipmentHeaders\": {\"GrossWeight\": {\"unitCode\": 2, \"Value\": 1}}}}",
            "{\"Shipment\": {\"ShipmentHeaders\": {\"GrossWeight\": {\"unitCode\": \"LBR\", \"Value\": 1}}}}"})
    void refusesAnOrdinalWhereBringWritesANameAndCodesOutsideTheList(String json) {
        assertThatThrownBy(() -> requests.read(bytes(json)))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.code()).isEqualTo("SCHEMA_INVALID"));
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> requests.read(bytes("{")))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.code()).isEqualTo("INVALID_JSON"));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}

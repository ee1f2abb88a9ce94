package io.carrierhub.bring.shipment.sandbox;

import static io.carrierhub.bring.shipment.BringSamples.golden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.bring.shipment.model.BringWeightUnit;
import io.carrierhub.error.InvalidMessageException;
import jakarta.xml.bind.JAXBElement;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** XML requests read as Bring takes them: the seed's samples, and what breaks the schema refused with its code. */
class XmlRequestsTest {

    private final XmlRequests requests = new XmlRequests();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"shipment.xml, CreateShipmentRequest", "booking.xml, CreateBookingRequest"})
    void readsBringsXmlRequestSamples(String sample, String root) {
        JAXBElement<BringShipmentRequest> request = requests.read(golden(sample));

        assertThat(request.getName().getLocalPart()).isEqualTo(root);
        assertThat(request.getName().getNamespaceURI()).isEqualTo("http://api.bring.com/CreateShipment");
        assertThat(request.getValue().getShipment().getGoodsItem().get(0).getPackage().get(0).getGrossWeight().getUnitCode())
                .isEqualTo(BringWeightUnit.KGM);
    }

    @Test
    void refusesRequestsThatDoNotFollowTheSchema() {
        String noReceiver = new String(golden("booking.xml"), StandardCharsets.UTF_8)
                .replaceAll("(?s)<Receiver>.*</Receiver>", "");
        assertThatThrownBy(() -> requests.read(noReceiver.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.code()).isEqualTo("SCHEMA_INVALID"));

        assertThatThrownBy(() -> requests.read("<CreateShipmentRequest".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.code()).isEqualTo("INVALID_XML"));
    }

    @Test
    void refusesADocumentThatIsNotARequest() {
        byte[] response = golden("response.xml");

        assertThatThrownBy(() -> requests.read(response))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.code()).isEqualTo("SCHEMA_INVALID"));
    }
}

package io.carrierhub.bring.shipment.sandbox;

import static io.carrierhub.bring.shipment.BringSamples.assertSameXml;
import static io.carrierhub.bring.shipment.BringSamples.golden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carrierhub.bring.shipment.BringSampleJson;
import io.carrierhub.bring.shipment.BringShipmentCodec;
import io.carrierhub.bring.shipment.model.BringIdentities;
import io.carrierhub.bring.shipment.model.BringShipmentResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xmlunit.diff.ComparisonType;

/** The sandbox's answers are Bring's response samples, and the hub reads them. */
class ResponseBodiesTest {

    private final ResponseBodies bodies = new ResponseBodies();
    private final BringShipmentCodec hub = new BringShipmentCodec();

    @Test
    void writesTheXmlResponseSample() {
        byte[] written = bodies.write(hub.readResponse(golden("response.xml"), false), WireFormat.XML);

        // siblings in order, and Bring's namespace the default one as in the sample: a prefix is a difference here
        assertSameXml(golden("response.xml"), written, ComparisonType.CHILD_NODELIST_SEQUENCE, ComparisonType.NAMESPACE_PREFIX);
    }

    @Test
    void writesTheJsonResponseSample() {
        byte[] written = bodies.write(hub.readResponse(golden("response.json"), true), WireFormat.JSON);

        assertEquals(BringSampleJson.read(golden("response.json")), BringSampleJson.read(written));
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void writesUtf8AsItsContentTypeSays(WireFormat format) {
        BringShipmentResponse response = new BringShipmentResponse();
        response.setStatus("VALIDATION_ERROR");
        response.setStatusText("Mottakers poststed mangler: Tromsø");

        byte[] written = bodies.write(response, format);

        assertThat(format.responseContentType()).endsWith("charset=UTF-8");
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("Tromsø");
        assertThat(hub.readResponse(written, format == WireFormat.JSON, format.responseContentType()).getStatusText())
                .isEqualTo("Mottakers poststed mangler: Tromsø");
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void writesSeveralPackageIdsAsAnArrayTheHubReads(WireFormat format) {
        BringIdentities identities = new BringIdentities();
        identities.setShipmentId("70438103433199319");
        identities.getPackageId().add("370438103696190758");
        identities.getPackageId().add("370438103696190765");
        BringShipmentResponse response = new BringShipmentResponse();
        response.setStatus("OK_CONFIRMED");
        response.getIdentities().add(identities);

        BringShipmentResponse read = hub.readResponse(bodies.write(response, format), format == WireFormat.JSON);

        assertThat(read.getIdentities()).singleElement().satisfies(ids -> {
            assertThat(ids.getShipmentId()).isEqualTo("70438103433199319");
            assertThat(ids.getPackageId()).containsExactly("370438103696190758", "370438103696190765");
        });
    }
}

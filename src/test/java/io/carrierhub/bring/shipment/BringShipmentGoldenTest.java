package io.carrierhub.bring.shipment;

import static io.carrierhub.bring.shipment.BringSamples.assertSameXml;
import static io.carrierhub.bring.shipment.BringSamples.golden;
import static io.carrierhub.bring.shipment.BringSamples.request;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xmlunit.diff.ComparisonType;

/**
 * A canonical order, mapped and written, is Bring's own sample. Each sample has its own order because the XML and
 * JSON samples carry different timestamps; in every sample the request date is the document date. (The sandbox's
 * answers are held to Bring's response samples in the sandbox's own tests.)
 */
class BringShipmentGoldenTest {

    private final BringShipmentCodec codec = new BringShipmentCodec();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"order-shipment-xml.xml, shipment.xml", "order-booking-xml.xml, booking.xml"})
    void writesTheXmlSample(String order, String sample) {
        byte[] written = codec.writeXmlRequest(request(order));

        // the element order is part of the contract: a reordered sibling is a difference, not a similarity
        assertSameXml(golden(sample), written, ComparisonType.CHILD_NODELIST_SEQUENCE);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"order-shipment-json.xml, shipment.json", "order-booking-json.xml, booking.json"})
    void writesTheJsonSample(String order, String sample) {
        BringSampleJson.assertSameAsSample(golden(sample), codec.writeJsonRequest(request(order), JsonEnums.ORDINAL));
    }
}

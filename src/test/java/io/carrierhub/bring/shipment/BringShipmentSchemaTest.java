package io.carrierhub.bring.shipment;

import static io.carrierhub.bring.shipment.BringSamples.golden;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bring's own XML samples, verbatim, follow xsd/bring-shipment.xsd as the classpath carries it. */
class BringShipmentSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"shipment.xml", "booking.xml", "response.xml"})
    void bringsSampleIsValid(String sample) throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/xsd/bring-shipment.xsd"));

        assertDoesNotThrow(() -> schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(golden(sample)))));
    }
}

package io.carrierhub.bring.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.order.model.CarrierReference;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bring's answer is read in the charset its Content-Type names, whatever the body's own default would be. */
class BringResponseCharsetTest {

    private static final String XML = "<CreateShipmentResponse xmlns=\"http://api.bring.com/CreateShipment\"><Status>OK_CONFIRMED</Status>"
            + "<StatusText>Ordre opprettet på lager</StatusText><Identities ShipmentId=\"70438103433199319\">"
            + "<PackageId>370438103696190758</PackageId></Identities></CreateShipmentResponse>";
    private static final String JSON = "{\"CreateShipmentResponse\": {\"Status\": \"OK_CONFIRMED\", \"StatusText\": \"Ordre opprettet på lager\","
            + " \"Identities\": {\"ShipmentId\": \"70438103433199319\", \"PackageId\": [\"370438103696190758\"]}}}";

    private final BringShipmentClient client = new BringShipmentClient(new BringShipmentMapper(), new BringShipmentCodec(), null, null,
            new BringShipmentProperties("xml", "uid", "key", "carrierhub.test", true, true, null, null, JsonEnums.ORDINAL),
            Clock.systemUTC());

    @ParameterizedTest
    @CsvSource({"application/xml; charset=ISO-8859-1", "application/json;charset=iso-8859-1"})
    void aLatin1AnswerWithoutAnXmlDeclarationIsReadByItsHttpCharset(String contentType) {
        byte[] body = (contentType.contains("json") ? JSON : XML).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(client.references(body, contentType)).extracting(CarrierReference::getValue)
                .containsExactly("70438103433199319", "370438103696190758");
    }
}

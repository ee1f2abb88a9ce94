package io.carrierhub.bring.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.error.CarrierRefusal;
import io.carrierhub.error.CarrierRefusal.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the client reads Bring's answers: a refusal in Bring's words, and what kind of refusal it is. */
class BringShipmentClientTest {

    private final BringShipmentClient client = new BringShipmentClient(new BringShipmentMapper(), new BringShipmentCodec(),
            null, null, new BringShipmentProperties("xml", "uid", "key", "carrierhub.local", true, true, null, null, JsonEnums.ORDINAL),
            Clock.systemUTC());

    @Test
    void statusForbiddenIsAnAuthenticationOrConfigurationError() {
        Optional<CarrierRefusal> refusal = client.refusal(bytes("""
                <CreateShipmentResponse xmlns="http://api.bring.com/CreateShipment">
                  <Status>FORBIDDEN</Status>
                  <StatusText>Missing authentication headers.</StatusText>
                  <Errors><Error>BAD_REQUEST</Error><ErrorText>No access to customer number 5</ErrorText></Errors>
                </CreateShipmentResponse>"""), "application/xml");

        assertThat(refusal).contains(new CarrierRefusal(Kind.AUTH, "FORBIDDEN", "No access to customer number 5"));
    }

    @Test
    void anErrorOfTypeSystemIsAFailureOnBringsSide() {
        Optional<CarrierRefusal> refusal = client.refusal(bytes("""
                {"CreateShipmentResponse": {"Status": "ERROR", "StatusText": "Unknown error. Error sending data to destination.",
                  "Errors": [{"Error": "SYSTEM", "ErrorText": "Error sending data to destination"}]}}"""), "application/json");

        assertThat(refusal).contains(new CarrierRefusal(Kind.UNAVAILABLE, "ERROR", "Error sending data to destination"));
    }

    @Test
    void validationErrorsAreTheRequestsContentWithEveryErrorTextJoined() {
        Optional<CarrierRefusal> refusal = client.refusal(bytes("""
                <CreateShipmentResponse xmlns="http://api.bring.com/CreateShipment">
                  <Status>VALIDATION_ERROR</Status>
                  <StatusText>Error in validation of request or error in data structure of request.</StatusText>
                  <Errors><Error>VALIDATION</Error><ErrorText>AdditionalService 1000 requires CashOnDelivery</ErrorText></Errors>
                  <Errors><Error>VALIDATION</Error><ErrorText>Receiver.Email must have a value</ErrorText></Errors>
                </CreateShipmentResponse>"""), "application/xml; charset=UTF-8");

        assertThat(refusal).contains(new CarrierRefusal(Kind.VALIDATION, "VALIDATION_ERROR",
                "AdditionalService 1000 requires CashOnDelivery; Receiver.Email must have a value"));
    }

    @Test
    void withoutErrorsTheStatusTextIsTheReason() {
        Optional<CarrierRefusal> refusal = client.refusal(bytes("""
                {"CreateShipmentResponse": {"Status": "ERROR", "StatusText": "Order could not be created"}}"""), "application/json");

        assertThat(refusal).contains(new CarrierRefusal(Kind.VALIDATION, "ERROR", "Order could not be created"));
    }

    @Test
    void aSuccessOrABodyThatIsNotBringsIsNoRefusal() {
        assertThat(client.refusal(bytes("""
                {"CreateShipmentResponse": {"Status": "OK_CONFIRMED", "Identities": {"ShipmentId": "70438103433199319"}}}"""),
                "application/json")).isEmpty();
        assertThat(client.refusal(bytes("<html><body>Bad gateway</body></html>"), "text/html")).isEmpty();
        assertThat(client.refusal(new byte[0], "application/xml")).isEmpty();
        assertThat(client.refusal(null, null)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

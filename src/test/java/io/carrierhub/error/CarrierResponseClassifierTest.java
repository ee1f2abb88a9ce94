package io.carrierhub.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CarrierResponseClassifierTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final CarrierResponseClassifier classifier = new CarrierResponseClassifier(Duration.ofMinutes(5));

    @ParameterizedTest
    @CsvSource({"200", "201", "204"})
    void successPasses(int status) {
        classifier.check(answer(status, "ok", null), "carrier");
    }

    @ParameterizedTest
    @CsvSource({"500, CARRIER_UNAVAILABLE", "502, CARRIER_UNAVAILABLE", "503, CARRIER_UNAVAILABLE",
            "504, CARRIER_UNAVAILABLE", "408, CARRIER_UNAVAILABLE", "429, CARRIER_THROTTLED"})
    void transientAnswersAreRetryable(int status, String code) {
        assertThatThrownBy(() -> classifier.check(answer(status, "busy", null), "bring-shipment"))
                .isInstanceOf(CarrierUnavailableException.class)
                .hasFieldOrPropertyWithValue("code", code)
                .hasMessageContaining("bring-shipment answered HTTP " + status);
    }

    @ParameterizedTest
    @CsvSource({"401", "403", "417"})
    void authenticationAndConfigurationErrorsAreFinal(int status) {
        assertThatThrownBy(() -> classifier.check(answer(status, "Missing authentication headers", null), "bring-shipment"))
                .isInstanceOf(CarrierRejectedException.class)
                .hasFieldOrPropertyWithValue("code", "CARRIER_AUTH")
                .hasMessageContaining("Missing authentication headers");
    }

    @ParameterizedTest
    @CsvSource({"400", "404", "409", "422"})
    void validationErrorsAreFinalAndCarryTheCarriersText(int status) {
        assertThatThrownBy(() -> classifier.check(answer(status, "<Errors>\n  <ErrorText>VAS 1000 needs CashOnDelivery</ErrorText></Errors>", null), "bring-shipment"))
                .isInstanceOf(CarrierRejectedException.class)
                .hasFieldOrPropertyWithValue("code", "CARRIER_VALIDATION")
                .hasMessageContaining("<ErrorText>VAS 1000 needs CashOnDelivery</ErrorText>");
    }

    @ParameterizedTest
    @CsvSource({"200, VALIDATION, CARRIER_VALIDATION", "200, AUTH, CARRIER_AUTH", "400, VALIDATION, CARRIER_VALIDATION",
            "400, AUTH, CARRIER_AUTH"})
    void aRefusalTheBodyStatesIsFinalAndReadsInTheCarriersWords(int status, CarrierRefusal.Kind kind, String code) {
        CarrierRefusal refusal = new CarrierRefusal(kind, "STATUS_WORD", "VAS 1000 needs CashOnDelivery; Receiver.Email must have a value");

        assertThatThrownBy(() -> classifier.check(answer(status, "<CreateShipmentResponse>...</CreateShipmentResponse>", null), "bring-shipment", refusal))
                .isInstanceOf(CarrierRejectedException.class)
                .hasFieldOrPropertyWithValue("code", code)
                .hasMessage("bring-shipment answered HTTP " + status + " STATUS_WORD: VAS 1000 needs CashOnDelivery; Receiver.Email must have a value");
    }

    @ParameterizedTest
    @CsvSource({"200", "400"})
    void aFailureOnTheCarriersSideTheBodyStatesIsRetryable(int status) {
        CarrierRefusal refusal = new CarrierRefusal(CarrierRefusal.Kind.UNAVAILABLE, "ERROR", "Error sending data to destination");

        assertThatThrownBy(() -> classifier.check(answer(status, "<CreateShipmentResponse/>", null), "bring-shipment", refusal))
                .isInstanceOf(CarrierUnavailableException.class)
                .hasFieldOrPropertyWithValue("code", "CARRIER_UNAVAILABLE")
                .hasMessage("bring-shipment answered HTTP " + status + " ERROR: Error sending data to destination");
    }

    @Test
    void theHttpStatusDecidesWhereItSaysMoreThanTheBody() {
        CarrierRefusal system = new CarrierRefusal(CarrierRefusal.Kind.UNAVAILABLE, "ERROR", "failure");
        CarrierRefusal forbidden = new CarrierRefusal(CarrierRefusal.Kind.AUTH, "FORBIDDEN", "who are you");

        assertThatThrownBy(() -> classifier.check(answer(417, "", null), "carrier", system))
                .isInstanceOf(CarrierRejectedException.class).hasFieldOrPropertyWithValue("code", "CARRIER_AUTH");
        assertThatThrownBy(() -> classifier.check(answer(503, "", null), "carrier", forbidden))
                .isInstanceOf(CarrierUnavailableException.class).hasFieldOrPropertyWithValue("code", "CARRIER_UNAVAILABLE");
    }

    @Test
    void retryAfterInSecondsSetsTheNextAttemptsDelay() {
        assertThat(retryAfter(answer(429, "slow down", "7"))).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateSetsTheDelayUntilThen() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
        assertThat(retryAfter(answer(503, "maintenance", inTenSeconds)).orElseThrow().toMillis()).isBetween(8000L, 10000L);
    }

    @Test
    void retryAfterIsCappedAndAbsentWithoutTheHeader() {
        assertThat(retryAfter(answer(429, "", "86400"))).contains(Duration.ofMinutes(5));
        assertThat(retryAfter(answer(429, "", null))).isEmpty();
    }

    private Optional<Duration> retryAfter(Exchange exchange) {
        Throwable thrown = catchThrowable(() -> classifier.check(exchange, "carrier"));
        assertThat(thrown).isInstanceOf(CarrierUnavailableException.class);
        return ((CarrierUnavailableException) thrown).retryAfter();
    }

    private Exchange answer(int status, String body, String retryAfter) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getIn().setHeader("Retry-After", retryAfter);
        exchange.getIn().setBody(body);
        return exchange;
    }
}

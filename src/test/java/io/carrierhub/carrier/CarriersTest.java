package io.carrierhub.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.carrierhub.bring.shipment.BringShipmentClient;
import io.carrierhub.bring.shipment.BringShipmentCodec;
import io.carrierhub.bring.shipment.BringShipmentMapper;
import io.carrierhub.bring.shipment.BringShipmentProperties;
import io.carrierhub.bring.shipment.JsonEnums;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.error.CarrierResponseClassifier;
import io.carrierhub.error.CarrierUnavailableException;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.OrderMessage;
import io.carrierhub.order.model.CarrierReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** What a carrier's answer means, read by its client and classified: here Bring's 200s that are no success. */
class CarriersTest {

    private final CarrierClient bring = new BringShipmentClient(new BringShipmentMapper(), new BringShipmentCodec(), null, null,
            new BringShipmentProperties("xml", "uid", "key", "carrierhub.local", true, true, null, null, JsonEnums.ORDINAL),
            Clock.systemUTC());
    private final Carriers carriers = new Carriers(new CarrierSettings(Map.of("bring-shipment", LaneRetriesTest.CARRIER)),
            List.of(new CarrierApi() {
                @Override
                public String name() {
                    return "bring-shipment";
                }

                @Override
                public CarrierClient client(String carrier) {
                    return bring;
                }
            }), new CarrierResponseClassifier(Duration.ofMinutes(5)));
    private final OrderMessage order = order();

    @Test
    void aStatusForbiddenIn200IsAnAuthenticationOrConfigurationError() {
        Exchange answer = answer(200, """
                <CreateShipmentResponse xmlns="http://api.bring.com/CreateShipment"><Status>FORBIDDEN</Status>
                  <Errors><Error>BAD_REQUEST</Error><ErrorText>No access to customer number 5</ErrorText></Errors>
                </CreateShipmentResponse>""");

        assertThatThrownBy(() -> carriers.readAnswer(answer, "bring-shipment", order, false))
                .isInstanceOfSatisfying(CarrierRejectedException.class, e -> assertThat(e.code()).isEqualTo("CARRIER_AUTH"))
                .hasMessage("bring-shipment answered HTTP 200 FORBIDDEN: No access to customer number 5");
    }

    @Test
    void anErrorOfTypeSystemIn200IsTriedAgainLater() {
        Exchange answer = answer(200, """
                <CreateShipmentResponse xmlns="http://api.bring.com/CreateShipment"><Status>ERROR</Status>
                  <Errors><Error>SYSTEM</Error><ErrorText>Error sending data to destination</ErrorText></Errors>
                </CreateShipmentResponse>""");

        assertThatThrownBy(() -> carriers.readAnswer(answer, "bring-shipment", order, false))
                .isInstanceOfSatisfying(CarrierUnavailableException.class, e -> assertThat(e.code()).isEqualTo("CARRIER_UNAVAILABLE"))
                .hasMessage("bring-shipment answered HTTP 200 ERROR: Error sending data to destination");
    }

    @Test
    void aNon2xxWithBringsBodyIsClassifiedByTheBodyWhereTheStatusDoesNotDecide() {
        Exchange forbidden = answer(400, """
                <CreateShipmentResponse xmlns="http://api.bring.com/CreateShipment"><Status>FORBIDDEN</Status>
                  <Errors><Error>BAD_REQUEST</Error><ErrorText>No access to customer number 5</ErrorText></Errors>
                </CreateShipmentResponse>""");
        Exchange system = answer(500, """
                <CreateShipmentResponse xmlns="http://api.bring.com/CreateShipment"><Status>ERROR</Status>
                  <Errors><Error>SYSTEM</Error><ErrorText>Error sending data to destination</ErrorText></Errors>
                </CreateShipmentResponse>""");

        assertThatThrownBy(() -> carriers.readAnswer(forbidden, "bring-shipment", order, false))
                .isInstanceOfSatisfying(CarrierRejectedException.class, e -> assertThat(e.code()).isEqualTo("CARRIER_AUTH"));
        assertThatThrownBy(() -> carriers.readAnswer(system, "bring-shipment", order, false))
                .isInstanceOf(CarrierUnavailableException.class)
                .hasMessage("bring-shipment answered HTTP 500 ERROR: Error sending data to destination");
    }

    @Test
    void aSuccessGivesBringsIds() {
        Exchange answer = answer(200, """
                <CreateShipmentResponse xmlns="http://api.bring.com/CreateShipment"><Status>OK_CONFIRMED</Status>
                  <Identities ShipmentId="70438103433199319"><PackageId>370438103696190758</PackageId></Identities>
                </CreateShipmentResponse>""");

        assertThat(carriers.readAnswer(answer, "bring-shipment", order, false))
                .extracting(CarrierReference::getType, CarrierReference::getValue)
                .containsExactly(tuple("SHIPMENT", "70438103433199319"),
                        tuple("PACKAGE", "370438103696190758"));
    }

    private static Exchange answer(int status, String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/xml");
        exchange.getIn().setBody(body.getBytes(StandardCharsets.UTF_8));
        return exchange;
    }

    private static OrderMessage order() {
        try {
            return new OrderCodec().read(Files.readAllBytes(Path.of("samples", "shipment-create.xml")), null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.bring.shipment.sandbox.BringShipmentSandbox;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;

/** /actuator/prometheus after a booked order and a refused one: the names and labels docs/operations.md alerts on. */
@HubTest
class MetricsIT {

    static final String BRING = "bring-shipment";
    static final Map<String, String> BOOKED = Map.of("carrier", BRING, "action", "create", "outcome", "accepted");
    static final Map<String, String> REFUSED = Map.of("carrier", BRING, "action", "create", "outcome", "rejected");

    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    BringShipmentSandbox sandbox;
    @LocalServerPort
    int port;

    ErpClient erp;
    ConsoleClient http;

    @BeforeEach
    void connect() {
        erp = new ErpClient(jmsTemplate, 20_000);
        http = new ConsoleClient(port);
    }

    @AfterEach
    void healSandbox() {
        sandbox.faults().reset();
    }

    @Test
    void aBookedAndARefusedOrderAreCountedWithTheirCarrierActionAndOutcome() throws Exception {
        PrometheusScrape before = scrape();

        String booked = erp.send(ErpClient.sample("shipment-create.xml", "MET-" + UUID.randomUUID().toString().substring(0, 8)), null);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, booked)).contains("ACCEPTED");
        sandbox.faults().failNext(1, 400);
        String refused = erp.send(ErpClient.sample("shipment-create.xml", "MET-" + UUID.randomUUID().toString().substring(0, 8)), null);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, refused)).contains("REJECTED");

        PrometheusScrape after = scrape();
        assertThat(after.value("hub_orders_total", BOOKED) - before.value("hub_orders_total", BOOKED)).isEqualTo(1);
        assertThat(after.value("hub_orders_total", REFUSED) - before.value("hub_orders_total", REFUSED)).isEqualTo(1);
        Map<String, String> ok = Map.of("carrier", BRING, "status", "200");
        Map<String, String> badRequest = Map.of("carrier", BRING, "status", "400");
        assertThat(after.value("hub_carrier_call_seconds_count", ok) - before.value("hub_carrier_call_seconds_count", ok)).isEqualTo(1);
        assertThat(after.value("hub_carrier_call_seconds_count", badRequest)
                - before.value("hub_carrier_call_seconds_count", badRequest)).isEqualTo(1);
        assertThat(after.value("hub_carrier_call_seconds_sum", ok)).isPositive();
        Map<String, String> acceptedEvent = Map.of("carrier", BRING, "status", "ACCEPTED");
        assertThat(after.value("hub_tms_events_total", acceptedEvent) - before.value("hub_tms_events_total", acceptedEvent)).isEqualTo(1);

        // the refused order is on the lane's dead-letter queue (other tests' dead letters may be there too)
        assertThat(after.value("hub_dead_letters", Map.of("queue", "DLQ.carrier." + BRING))).isGreaterThanOrEqualTo(1);
        assertThat(after.has("hub_dead_letters", Map.of("queue", "DLQ.erp.orders"))).isTrue();
        assertThat(after.has("hub_lane_depth", Map.of("carrier", BRING))).isTrue();
        assertThat(after.value("hub_lane_depth", Map.of("carrier", "drivoo"))).isZero();
        assertThat(after.has("hub_breaker_state", Map.of("carrier", BRING))).isTrue();
        assertThat(after.has("hub_breaker_state", Map.of("carrier", "drivoo"))).isTrue();
        // Camel's own, per route
        assertThat(after.has("camel_exchanges_total", Map.of("routeId", "intake"))).isTrue();
        assertThat(after.has("camel_exchanges_total", Map.of("routeId", "lane-" + BRING))).isTrue();
        // and no series of the whole context beside them, which a sum over the routes' would count twice
        assertThat(after.has("camel_exchanges_total", Map.of("eventType", "context"))).isFalse();
        assertThat(after.has("camel_exchanges_total", Map.of("eventType", "route"))).isTrue();
    }

    private PrometheusScrape scrape() throws Exception {
        var response = http.get("/actuator/prometheus", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return new PrometheusScrape(response.body());
    }
}

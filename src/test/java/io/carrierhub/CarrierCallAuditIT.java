package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.bring.shipment.sandbox.BringShipmentSandbox;
import io.carrierhub.ledger.LedgerRetention;
import io.carrierhub.ops.CarrierCall;
import io.carrierhub.ops.CarrierCallAudit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;

/** Every carrier call in the ledger's audit, masked, readable per order at /actuator/carriercalls, purged when old. */
@HubTest
class CarrierCallAuditIT {

    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    CarrierCallAudit audit;
    @Autowired
    LedgerRetention retention;
    @Autowired
    BringShipmentSandbox bring;
    @LocalServerPort
    int port;

    ErpClient erp;
    ConsoleClient console;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void connect() {
        erp = new ErpClient(jmsTemplate, 20_000);
        console = new ConsoleClient(port);
    }

    @Test
    void anXmlBookingIsRecordedOnceWithThePersonalDataMasked() throws Exception {
        String orderId = "AUD-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(ErpClient.sample("shipment-create.xml", orderId), null)))
                .contains("ACCEPTED");

        JsonNode calls = calls(orderId);

        assertThat(calls).hasSize(1);
        JsonNode call = calls.get(0);
        assertThat(call.path("carrier").asText()).isEqualTo("bring-shipment");
        assertThat(call.path("orderId").asText()).isEqualTo(orderId);
        assertThat(call.path("operation").asText()).startsWith("POST ");
        assertThat(call.path("status").asText()).isEqualTo("200");
        assertThat(call.path("durationMillis").asLong()).isNotNegative();
        assertThat(Instant.parse(call.path("calledAt").asText())).isBetween(Instant.now().minusSeconds(60), Instant.now());
        String request = call.path("requestBody").asText();
        assertThat(request).contains(orderId, "<Name>***</Name>").doesNotContain("Kari Nordmann", "kari@example.no");
        assertThat(call.path("responseBody").asText()).contains("ShipmentId=");
    }

    @Test
    void aJsonBookingIsMaskedToo() throws Exception {
        String orderId = "AUD-" + UUID.randomUUID().toString().substring(0, 8);
        String order = ErpClient.sample("shipment-create.xml", orderId)
                .replace("<carrier>bring-shipment</carrier>", "<carrier>" + SecondBringLane.CARRIER + "</carrier>");
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(order, null))).contains("ACCEPTED");

        JsonNode call = calls(orderId).get(0);

        assertThat(call.path("carrier").asText()).isEqualTo(SecondBringLane.CARRIER);
        assertThat(call.path("requestBody").asText()).contains(orderId, "\"***\"").doesNotContain("Kari Nordmann", "kari@example.no");
    }

    /** Each attempt is audited in the transaction of its outcome: the next attempt planned, then the yes. */
    @Test
    void aServerErrorAndTheRetryThatFollowsAreBothAudited() throws Exception {
        String orderId = "AUD-" + UUID.randomUUID().toString().substring(0, 8);
        bring.faults().failNext(1, 503);

        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(ErpClient.sample("shipment-create.xml", orderId), null)))
                .contains("ACCEPTED");

        assertThat(calls(orderId)).extracting(call -> call.path("status").asText()).containsExactly("503", "200");
    }

    /** A refusal is audited with the rejection it leads to. */
    @Test
    void aRefusedCallIsAudited() throws Exception {
        String orderId = "AUD-" + UUID.randomUUID().toString().substring(0, 8);
        String refused = ErpClient.sample("shipment-create.xml", orderId)
                .replace("<code>EVARSLING</code>", "<code>1000</code>");   // cash on delivery service without the cash

        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, erp.send(refused, null))).contains("REJECTED");

        assertThat(calls(orderId)).extracting(call -> call.path("status").asText()).containsExactly("400");
    }

    @Test
    void recordsOlderThanTheRetentionArePurged() {
        String orderId = "AUD-" + UUID.randomUUID().toString().substring(0, 8);
        audit.record(List.of(
                new CarrierCall(Instant.now().minus(Duration.ofDays(31)), "drivoo", orderId, "POST course", "201", 12, "{}", "{}"),
                new CarrierCall(Instant.now().minus(Duration.ofDays(29)), "drivoo", orderId, "PUT course/1", "200", 9, "{}", "{}")));

        assertThat(retention.purge().get("hub_carrier_call")).isGreaterThanOrEqualTo(1);

        assertThat(audit.forOrder(orderId)).extracting(CarrierCall::operation).containsExactly("PUT course/1");
    }

    @Test
    void theAuditNeedsLogin() throws Exception {
        assertThat(console.get("/actuator/carriercalls/SO-1", null, null).statusCode()).isEqualTo(401);
    }

    private JsonNode calls(String orderId) throws Exception {
        var response = console.get("/actuator/carriercalls/" + orderId);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}

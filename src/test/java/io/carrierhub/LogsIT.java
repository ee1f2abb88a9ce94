package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.bring.shipment.sandbox.BringShipmentSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.Environment;
import org.springframework.jms.core.JmsTemplate;

/**
 * The hub's log as structured JSON lines (the test profile writes it with Spring Boot's ECS format): the order's id,
 * carrier and correlation id on its lines, and none of the configured secrets anywhere in the run's log.
 */
@HubTest
class LogsIT {

    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    BringShipmentSandbox sandbox;
    @Autowired
    Environment environment;
    @Autowired
    LoggingSystem logging;

    ErpClient erp;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void connect() {
        erp = new ErpClient(jmsTemplate, 20_000);
        // the hub's own debug lines too (the carriers' raw answers among them)
        logging.setLogLevel("io.carrierhub", LogLevel.DEBUG);
    }

    @AfterEach
    void restore() {
        logging.setLogLevel("io.carrierhub", null);
        sandbox.faults().reset();
    }

    @Test
    void everyLineOfARefusedOrderCarriesItsIdCarrierAndCorrelationId() throws Exception {
        String orderId = "LOG-" + UUID.randomUUID().toString().substring(0, 8);
        sandbox.faults().failNext(1, 417);
        String correlationId = erp.send(ErpClient.sample("shipment-create.xml", orderId), null);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("REJECTED");

        List<JsonNode> lines = lines().stream().filter(line -> line.path("message").asText().contains(orderId)).toList();

        assertThat(lines).as("lines about " + orderId).isNotEmpty()
                .anyMatch(line -> line.path("message").asText().contains("Order " + orderId + " rejected"));
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("orderId").asText()).as(line.toString()).isEqualTo(orderId);
            assertThat(line.path("carrier").asText()).as(line.toString()).isEqualTo("bring-shipment");
            assertThat(line.path("correlationId").asText()).as(line.toString()).isEqualTo(correlationId);
        });
    }

    @Test
    void theRunsLogHoldsNoSecret() throws Exception {
        String bring = erp.send(ErpClient.sample("shipment-create.xml", "LOG-" + UUID.randomUUID().toString().substring(0, 8)), null);
        String drivoo = erp.send(ErpClient.sample("drivoo-create.xml", "LOG-" + UUID.randomUUID().toString().substring(0, 8)), null);
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, bring)).contains("ACCEPTED");
        assertThat(erp.receiveText(ErpClient.ORDER_STATUS, drivoo)).contains("ACCEPTED");
        List<String> secrets = new ArrayList<>(List.of(
                environment.getProperty("hub.carriers.bring-shipment.api-key"),
                environment.getProperty("hub.carriers.drivoo.oauth2.client-secret"),
                environment.getProperty("hub.broker.password"),
                environment.getProperty("hub.console.password")));
        assertThat(secrets).doesNotContainNull().allMatch(secret -> secret.length() >= 8 || secret.equals("testpass"));

        String log = Files.readString(logFile());

        assertThat(log).as("the run's log").contains("Tomcat started on port");
        for (String secret : secrets) {
            assertThat(log).as("the log holds a configured secret").doesNotContain(secret);
        }
        assertThat(log).doesNotContainIgnoringCase("Authorization:").doesNotContain("Bearer ").doesNotContain("X-Mybring-API-Key:");
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(logFile())) {
            if (line.startsWith("{")) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    private Path logFile() {
        return Path.of(environment.getProperty("logging.file.name"));
    }
}

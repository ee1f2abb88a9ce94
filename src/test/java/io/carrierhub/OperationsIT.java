package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operations read over HTTP: the hub's health, with the broker, the database and Camel in it. */
@HubTest
class OperationsIT {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpWithBrokerDatabaseAndCamel() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"UP\"").contains("\"jms\"", "\"db\"", "\"camelHealth\"");
    }
}

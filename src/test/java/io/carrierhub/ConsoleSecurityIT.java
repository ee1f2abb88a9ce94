package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's doors: Hawtio, Jolokia and the changing endpoints only after login; health and metrics open. */
@HubTest
class ConsoleSecurityIT {

    static final String JOLOKIA_READ = "/actuator/jolokia/read/java.lang:type=Memory/HeapMemoryUsage";
    static final String JOLOKIA_EXEC = "/actuator/jolokia/exec/java.lang:type=Memory/gc";

    @LocalServerPort
    int port;
    ConsoleClient console;

    @BeforeEach
    void connect() {
        console = new ConsoleClient(port);
    }

    @Test
    void jolokiaRefusesReadAndExecWithoutLogin() throws Exception {
        assertThat(console.get(JOLOKIA_READ, null, null).statusCode()).isIn(401, 403);
        assertThat(console.get(JOLOKIA_EXEC, null, null).statusCode()).isIn(401, 403);
        assertThat(console.post("/actuator/jolokia", "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}",
                null, null).statusCode()).isIn(401, 403);
        assertThat(console.get(JOLOKIA_EXEC, ConsoleClient.USER, "wrong-password").statusCode()).isEqualTo(401);
    }

    @Test
    void jolokiaReadsAndExecutesAfterLogin() throws Exception {
        var read = console.get(JOLOKIA_READ);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"status\":200", "\"used\"");
        var exec = console.post("/actuator/jolokia", "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}");
        assertThat(exec.body()).contains("\"status\":200");
    }

    @Test
    void theConsoleAndTheChangingEndpointsNeedLogin() throws Exception {
        assertThat(console.get("/actuator/hawtio/", null, null).statusCode()).isEqualTo(401);
        assertThat(console.get("/actuator/deadletters", null, null).statusCode()).isEqualTo(401);
        assertThat(console.post("/actuator/deadletters", "{}", null, null).statusCode()).isIn(401, 403);
        assertThat(console.get("/actuator/carriercalls/SO-1", null, null).statusCode()).isEqualTo(401);
        assertThat(console.get("/actuator/camelroutes", null, null).statusCode()).isEqualTo(401);
        assertThat(console.get("/actuator/hawtio/").statusCode()).isEqualTo(200);
    }

    @Test
    void healthAndMetricsStayOpen() throws Exception {
        assertThat(console.get("/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(console.get("/actuator/prometheus", null, null).statusCode()).isEqualTo(200);
    }
}

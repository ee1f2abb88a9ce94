package io.carrierhub.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** {{millis:...}} as Camel resolves it in a route's endpoint options, found through its service file. */
class MillisPropertiesFunctionTest {

    @Test
    void turnsTheHubsDurationsIntoMilliseconds() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.setProperty("short", "500ms");
            properties.setProperty("seconds", "10s");
            properties.setProperty("iso", "PT1M");
            camel.getPropertiesComponent().setInitialProperties(properties);

            assertThat(camel.resolvePropertyPlaceholders("{{millis:short}}")).isEqualTo("500");
            assertThat(camel.resolvePropertyPlaceholders("{{millis:seconds}}")).isEqualTo("10000");
            assertThat(camel.resolvePropertyPlaceholders("{{millis:iso}}")).isEqualTo("60000");
            assertThatThrownBy(() -> camel.resolvePropertyPlaceholders("{{millis:missing}}"))
                    .hasStackTraceContaining("{{millis:missing}}: no such property");
        }
    }
}

package io.carrierhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carrierhub.HubApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

class TmsEventPropertiesTest {

    @Test
    void aCallbackUrlWithoutASecretIsRefused() {
        assertThatThrownBy(() -> new TmsEventProperties.Callback("https://erp.example/tms-events", " "))
                .hasMessageContaining("HUB_EVENTS_CALLBACK_SECRET");
    }

    @Test
    void noUrlNeedsNoSecret() {
        assertThat(new TmsEventProperties.Callback("", "").url()).isEmpty();
    }

    /** The hub itself does not start so: the reason is in the failure, before the broker or the database are touched. */
    @Test
    void theHubRefusesToStartWithAUrlAndNoSecret(@TempDir Path dataDir) {
        SpringApplicationBuilder hub = new SpringApplicationBuilder(HubApplication.class).web(WebApplicationType.NONE);

        assertThatThrownBy(() -> hub.run("--hub.events.callback.url=https://erp.example/tms-events", "--hub.events.callback.secret=",
                "--hub.data-dir=" + dataDir, "--hub.broker.embedded=false", "--hub.sandbox.bring-shipment.enabled=false",
                "--hub.carriers.bring-shipment.base-url=http://bring.invalid/shipment"))
                .rootCause().hasMessageContaining("set HUB_EVENTS_CALLBACK_SECRET");
    }
}

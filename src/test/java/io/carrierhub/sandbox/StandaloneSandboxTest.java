package io.carrierhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.bring.po.sandbox.BringPoSandboxProperties;
import io.carrierhub.bring.shipment.sandbox.BringShipmentSandboxProperties;
import io.carrierhub.drivoo.sandbox.DrivooSandboxProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The standalone launchers' settings: the embedded defaults, bound as the hub binds them, but the port. */
class StandaloneSandboxTest {

    @Test
    void settingsAreTheDefaultsButThePort() {
        DrivooSandboxProperties drivoo = StandaloneSandbox.settings("drivoo", DrivooSandboxProperties.class, 29394);
        assertThat(drivoo.port()).isEqualTo(29394);
        assertThat(drivoo.clientId()).isEqualTo("testclient");
        assertThat(drivoo.deliverAfter()).isEqualTo(Duration.ofMinutes(15));

        BringPoSandboxProperties po = StandaloneSandbox.settings("bring-po", BringPoSandboxProperties.class, 29393);
        assertThat(po.port()).isEqualTo(29393);
        assertThat(po.customers()).containsExactly("10000000000", "10000000001");
        assertThat(po.lockAfter()).isEqualTo(Duration.ofMinutes(10));

        BringShipmentSandboxProperties shipment = StandaloneSandbox.settings("bring-shipment", BringShipmentSandboxProperties.class, 29392);
        assertThat(shipment.port()).isEqualTo(29392);
        assertThat(shipment.apiKey()).isEqualTo("sandbox-key");
        assertThat(shipment.tracking()).isEqualTo(BringShipmentSandboxProperties.DEFAULT_TRACKING);
    }

    @Test
    void thePortIsTheFirstArgument() {
        assertThat(StandaloneSandbox.port(new String[] {"29395"}, 18091)).isEqualTo(29395);
        assertThat(StandaloneSandbox.port(new String[0], 18091)).isEqualTo(18091);
    }
}

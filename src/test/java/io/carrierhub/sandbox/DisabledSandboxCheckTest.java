package io.carrierhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.bring.shipment.sandbox.BringShipmentSandboxConfiguration;
import io.carrierhub.bring.shipment.sandbox.BringShipmentSandboxProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A hub whose carrier still points at a switched-off sandbox does not start, and says why. */
class DisabledSandboxCheckTest {

    private final ApplicationContextRunner hub = new ApplicationContextRunner()
            .withUserConfiguration(BringShipmentSandboxConfiguration.class, SandboxProperties.class, DisabledSandboxCheck.class)
            .withPropertyValues("hub.sandbox.bring-shipment.port=0");

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:18181/shipment", "http://127.0.0.1:18181/shipment", "http://LOCALHOST:18181"})
    void refusesToStartWhenTheBaseUrlStillNamesTheDisabledSandbox(String baseUrl) {
        hub.withPropertyValues("hub.sandbox.bring-shipment.enabled=false", "hub.sandbox.bring-shipment.port=18181",
                "hub.carriers.bring-shipment.base-url=" + baseUrl).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContainingAll(
                    "hub.sandbox.bring-shipment.enabled is false", "hub.carriers.bring-shipment.base-url (" + baseUrl + ")");
        });
    }

    @Test
    void startsWithTheSandboxDisabledAndTheCarrierElsewhere() {
        hub.withPropertyValues("hub.sandbox.bring-shipment.enabled=false", "hub.sandbox.bring-shipment.port=18181",
                "hub.carriers.bring-shipment.base-url=https://bapi.bring.com/shipment").run(context -> assertThat(context).hasNotFailed());
        hub.withPropertyValues("hub.sandbox.bring-shipment.enabled=false", "hub.sandbox.bring-shipment.port=18181",
                "hub.carriers.bring-shipment.base-url=http://localhost:9999/shipment").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void startsWithTheSandboxEnabledAtTheBaseUrl() {
        hub.withPropertyValues("hub.carriers.bring-shipment.base-url=http://localhost:0/shipment")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SandboxServer.class));
    }

    @EnableConfigurationProperties(BringShipmentSandboxProperties.class)
    static class SandboxProperties {
    }
}

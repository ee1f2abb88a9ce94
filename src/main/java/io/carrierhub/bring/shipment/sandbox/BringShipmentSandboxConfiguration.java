package io.carrierhub.bring.shipment.sandbox;

import io.carrierhub.sandbox.SandboxDeclaration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the Bring Shipment sandbox inside the hub unless {@code hub.sandbox.bring-shipment.enabled=false}. */
@Configuration(proxyBeanMethods = false)
public class BringShipmentSandboxConfiguration {

    @Bean
    @ConditionalOnProperty(name = "hub.sandbox.bring-shipment.enabled", havingValue = "true", matchIfMissing = true)
    BringShipmentSandbox bringShipmentSandbox(BringShipmentSandboxProperties properties) {
        return new BringShipmentSandbox(properties);
    }

    @Bean
    SandboxDeclaration bringShipmentSandboxDeclaration(BringShipmentSandboxProperties properties) {
        return new SandboxDeclaration(BringShipmentSandbox.NAME, properties.enabled(), properties.port(),
                "hub.carriers.bring-shipment.base-url");
    }
}

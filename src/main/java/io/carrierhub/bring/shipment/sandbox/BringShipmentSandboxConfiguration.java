package io.carrierhub.bring.shipment.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the Bring Shipment sandbox inside the hub unless {@code hub.sandbox.bring-shipment.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.sandbox.bring-shipment.enabled", havingValue = "true", matchIfMissing = true)
public class BringShipmentSandboxConfiguration {

    @Bean
    BringShipmentSandbox bringShipmentSandbox(BringShipmentSandboxProperties properties) {
        return new BringShipmentSandbox(properties);
    }
}

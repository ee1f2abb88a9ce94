package io.carrierhub.bring.po.sandbox;

import io.carrierhub.sandbox.SandboxDeclaration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the Bring Purchase Order sandbox inside the hub unless {@code hub.sandbox.bring-po.enabled=false}. */
@Configuration(proxyBeanMethods = false)
public class BringPoSandboxConfiguration {

    @Bean
    @ConditionalOnProperty(name = "hub.sandbox.bring-po.enabled", havingValue = "true", matchIfMissing = true)
    BringPoSandbox bringPoSandbox(BringPoSandboxProperties properties) {
        return new BringPoSandbox(properties);
    }

    @Bean
    SandboxDeclaration bringPoSandboxDeclaration(BringPoSandboxProperties properties) {
        return new SandboxDeclaration(BringPoSandbox.NAME, properties.enabled(), properties.port(), "hub.carriers.bring-po.base-url");
    }
}

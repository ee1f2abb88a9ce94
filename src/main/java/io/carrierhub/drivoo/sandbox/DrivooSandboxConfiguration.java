package io.carrierhub.drivoo.sandbox;

import io.carrierhub.sandbox.SandboxDeclaration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the Drivoo sandbox inside the hub unless {@code hub.sandbox.drivoo.enabled=false}. */
@Configuration(proxyBeanMethods = false)
public class DrivooSandboxConfiguration {

    @Bean
    @ConditionalOnProperty(name = "hub.sandbox.drivoo.enabled", havingValue = "true", matchIfMissing = true)
    DrivooSandbox drivooSandbox(DrivooSandboxProperties properties) {
        return new DrivooSandbox(properties);
    }

    @Bean
    SandboxDeclaration drivooSandboxDeclaration(DrivooSandboxProperties properties) {
        return new SandboxDeclaration(DrivooSandbox.NAME, properties.enabled(), properties.port(), "hub.carriers.drivoo.base-url");
    }
}

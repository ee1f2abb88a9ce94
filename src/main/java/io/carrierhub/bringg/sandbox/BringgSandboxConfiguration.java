package io.carrierhub.bringg.sandbox;

import io.carrierhub.sandbox.SandboxDeclaration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the Bringg sandbox inside the hub unless {@code hub.sandbox.bringg.enabled=false}. */
@Configuration(proxyBeanMethods = false)
public class BringgSandboxConfiguration {

    @Bean
    @ConditionalOnProperty(name = "hub.sandbox.bringg.enabled", havingValue = "true", matchIfMissing = true)
    BringgSandbox bringgSandbox(BringgSandboxProperties properties) {
        return new BringgSandbox(properties);
    }

    @Bean
    SandboxDeclaration bringgSandboxDeclaration(BringgSandboxProperties properties) {
        // the hub calls its TLS side
        return new SandboxDeclaration(BringgSandbox.NAME, properties.enabled(),
                properties.tlsPort() != null ? properties.tlsPort() : properties.port(), "hub.bringg.base-url");
    }
}

package io.carrierhub.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a hub whose carrier still points at the address of a sandbox that is switched off: its calls
 * would fail, or reach whatever else listens on that port.
 */
@Component
public class DisabledSandboxCheck implements InitializingBean {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final List<SandboxDeclaration> sandboxes;
    private final Environment environment;

    public DisabledSandboxCheck(List<SandboxDeclaration> sandboxes, Environment environment) {
        this.sandboxes = sandboxes;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        for (SandboxDeclaration sandbox : sandboxes) {
            String baseUrl = environment.getProperty(sandbox.carrierBaseUrlProperty());
            if (!sandbox.enabled() && baseUrl != null && pointsAt(URI.create(baseUrl.trim()), sandbox.port())) {
                throw new IllegalStateException("hub.sandbox." + sandbox.name() + ".enabled is false, but "
                        + sandbox.carrierBaseUrlProperty() + " (" + baseUrl + ") still points at the sandbox's address,"
                        + " port " + sandbox.port() + " on this machine: set " + sandbox.carrierBaseUrlProperty()
                        + " to the carrier's address, or hub.sandbox." + sandbox.name() + ".enabled to true");
            }
        }
    }

    private static boolean pointsAt(URI url, int port) {
        int urlPort = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getHost() != null && LOOPBACK.contains(url.getHost().toLowerCase(Locale.ROOT)) && urlPort == port;
    }
}

package io.carrierhub.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operations console's one user ({@code hub.console}); the password comes from the environment only.
 *
 * @param role the role that may use Hawtio, Jolokia and the actuator endpoints that change things
 */
@ConfigurationProperties("hub.console")
public record ConsoleProperties(String user, String password, String role) {

    public boolean hasPassword() {
        return password != null && !password.isBlank();
    }
}

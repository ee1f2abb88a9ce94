package io.carrierhub.sandbox;

/**
 * A carrier sandbox as {@link DisabledSandboxCheck} knows it; declared as a bean whether the sandbox runs or not.
 *
 * @param name                   as in {@code hub.sandbox.<name>}
 * @param enabled                {@code hub.sandbox.<name>.enabled}
 * @param port                   {@code hub.sandbox.<name>.port}
 * @param carrierBaseUrlProperty the property that names the carrier's address, e.g. {@code hub.carriers.<name>.base-url}
 */
public record SandboxDeclaration(String name, boolean enabled, int port, String carrierBaseUrlProperty) {
}

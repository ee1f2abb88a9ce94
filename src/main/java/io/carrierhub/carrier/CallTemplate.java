package io.carrierhub.carrier;

import java.util.Map;

/**
 * How a carrier's lane calls the carrier: the route template of {@code routes/carrier-lane.yaml} that makes its
 * {@code direct:carrier-call-<carrier>} route, and that template's parameters besides {@code carrier}.
 *
 * @param template   {@value #HTTP} or {@value #SOAP}
 * @param parameters the template's other parameters (for SOAP: the address, WSDL, service and port)
 */
public record CallTemplate(String template, Map<String, String> parameters) {

    public static final String HTTP = "carrier-http-call";
    public static final String SOAP = "carrier-soap-call";

    public static CallTemplate http() {
        return new CallTemplate(HTTP, Map.of());
    }

    /**
     * A SOAP 1.1 call through camel-cxf in PAYLOAD mode: the client writes the body element, the template wraps it.
     *
     * @param address where the service listens
     * @param wsdl    the contract, a classpath resource
     * @param service the WSDL service's qualified name, {@code {namespace}local}
     * @param port    the WSDL port's qualified name
     */
    public static CallTemplate soap(String address, String wsdl, String service, String port) {
        return new CallTemplate(SOAP, Map.of("address", address, "wsdl", wsdl, "service", service, "port", port));
    }
}

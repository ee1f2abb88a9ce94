package io.carrierhub.carrier;

import java.time.Duration;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * The hub's HTTP timeouts ({@code hub.http.*}) on the SOAP calls to carriers, as camel-http has them on the others:
 * without it CXF waits 60 s for an answer. Named {@code soapTimeouts} on the cxf endpoints ({@code cxfConfigurer}).
 */
public class SoapTimeouts implements CxfConfigurer {

    private final Duration connectTimeout;
    private final Duration responseTimeout;

    public SoapTimeouts(Duration connectTimeout, Duration responseTimeout) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factory) {
    }

    @Override
    public void configureClient(Client client) {
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connectTimeout.toMillis());
        policy.setReceiveTimeout(responseTimeout.toMillis());
        ((HTTPConduit) client.getConduit()).setClient(policy);
    }

    @Override
    public void configureServer(Server server) {
    }
}

package io.carrierhub.bring.po.sandbox;

import jakarta.xml.ws.spi.http.HttpContext;
import jakarta.xml.ws.spi.http.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.List;

/**
 * A JDK server exchange as the JAX-WS HTTP SPI sees one, so that CXF serves SOAP on the sandbox kit's own server
 * (JAXWSHttpSpiTransportFactory, {@code Endpoint.publish(HttpContext)}).
 */
class SpiHttpExchange extends HttpExchange {

    private final com.sun.net.httpserver.HttpExchange exchange;
    private final HttpContext context;
    private int status = 200;
    private boolean sent;

    SpiHttpExchange(com.sun.net.httpserver.HttpExchange exchange, HttpContext context) {
        this.exchange = exchange;
        this.context = context;
    }

    @Override
    public Map<String, List<String>> getRequestHeaders() {
        return exchange.getRequestHeaders();
    }

    @Override
    public String getRequestHeader(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    @Override
    public Map<String, List<String>> getResponseHeaders() {
        return exchange.getResponseHeaders();
    }

    @Override
    public void addResponseHeader(String name, String value) {
        exchange.getResponseHeaders().add(name, value);
    }

    @Override
    public String getRequestURI() {
        return exchange.getRequestURI().getRawPath();
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getRequestMethod() {
        return exchange.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        return context;
    }

    @Override
    public void close() throws IOException {
        send();
        exchange.getResponseBody().close();
    }

    @Override
    public InputStream getRequestBody() {
        return exchange.getRequestBody();
    }

    @Override
    public OutputStream getResponseBody() {
        send();
        return exchange.getResponseBody();
    }

    @Override
    public void setStatus(int status) {
        this.status = status;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return exchange.getRemoteAddress();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return exchange.getLocalAddress();
    }

    @Override
    public String getProtocol() {
        return exchange.getProtocol();
    }

    @Override
    public String getScheme() {
        return "http";
    }

    @Override
    public String getPathInfo() {
        String path = exchange.getRequestURI().getRawPath();
        return path.length() > context.getPath().length() ? path.substring(context.getPath().length()) : null;
    }

    @Override
    public String getQueryString() {
        return exchange.getRequestURI().getRawQuery();
    }

    @Override
    public Object getAttribute(String name) {
        return exchange.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
        return Set.of();
    }

    @Override
    public Principal getUserPrincipal() {
        return null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    private void send() {
        if (!sent) {
            sent = true;
            try {
                exchange.sendResponseHeaders(status, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package io.carrierhub.bring.po.sandbox;

import jakarta.xml.ws.spi.http.HttpContext;
import jakarta.xml.ws.spi.http.HttpHandler;
import java.io.IOException;
import java.util.Set;

/** The path a JAX-WS endpoint is published at on the sandbox's server; CXF sets the handler that serves it. */
class SpiHttpContext extends HttpContext {

    private final String path;

    SpiHttpContext(String path) {
        this.path = path;
    }

    @Override
    public String getPath() {
        return path;
    }

    @Override
    public Object getAttribute(String name) {
        return null;
    }

    @Override
    public Set<String> getAttributeNames() {
        return Set.of();
    }

    void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        HttpHandler published = handler;
        if (published == null) {
            throw new IllegalStateException("no endpoint is published at " + path);
        }
        published.handle(new SpiHttpExchange(exchange, this));
    }
}

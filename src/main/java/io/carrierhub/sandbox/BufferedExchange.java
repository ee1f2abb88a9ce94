package io.carrierhub.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * An exchange whose request body was read already and whose answer is kept until {@link #commit()} sends it, so
 * that the sandbox can record the status, add a header, or throw the answer away.
 */
final class BufferedExchange extends HttpExchange {

    private final HttpExchange exchange;
    private final Headers responseHeaders = new Headers();
    private final InputStream requestBody;
    private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
    private int status = -1;

    BufferedExchange(HttpExchange exchange, byte[] requestBody) {
        this.exchange = exchange;
        this.requestBody = new ByteArrayInputStream(requestBody);
    }

    /** Sends the answer kept; a handler that gave none has failed, and the client gets a 500. */
    void commit() throws IOException {
        byte[] body = responseBody.toByteArray();
        exchange.getResponseHeaders().putAll(responseHeaders);
        exchange.sendResponseHeaders(status < 0 ? 500 : status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void sendResponseHeaders(int code, long length) {
        status = code;
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public OutputStream getResponseBody() {
        return responseBody;
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        throw new UnsupportedOperationException("a sandbox keeps the streams of the exchanges it buffers");
    }

    @Override
    public void close() {
        // the sandbox sends the answer and closes the real exchange
    }

    @Override
    public Headers getRequestHeaders() {
        return exchange.getRequestHeaders();
    }

    @Override
    public URI getRequestURI() {
        return exchange.getRequestURI();
    }

    @Override
    public String getRequestMethod() {
        return exchange.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        return exchange.getHttpContext();
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
    public Object getAttribute(String name) {
        return exchange.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        exchange.setAttribute(name, value);
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return exchange.getPrincipal();
    }
}

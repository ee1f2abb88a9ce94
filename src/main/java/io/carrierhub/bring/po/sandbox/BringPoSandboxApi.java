package io.carrierhub.bring.po.sandbox;

import com.sun.net.httpserver.HttpExchange;
import io.carrierhub.sandbox.CarrierApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Bring Purchase Order on the sandbox kit's server: the SOAP service at {@value #SOAP_PATH} (CXF, the WSDL's
 * service) and the REST XML resources under {@value RestPurchaseOrders#PREFIX}, both in front of one {@link PoDesk}.
 */
class BringPoSandboxApi implements CarrierApi {

    static final String SOAP_PATH = "/po/api/ws";

    private final PoDesk desk;
    private final SpiHttpContext soap;
    private final RestPurchaseOrders rest;

    BringPoSandboxApi(PoDesk desk, SpiHttpContext soap, RestPurchaseOrders rest) {
        this.desk = desk;
        this.soap = soap;
        this.rest = rest;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(SOAP_PATH)) {
            soap.handle(exchange);
        } else if (path.startsWith(RestPurchaseOrders.PREFIX)) {
            rest.handle(exchange, new PoDesk.Login(exchange.getRequestHeaders().getFirst("X-Mybring-API-Uid"),
                    exchange.getRequestHeaders().getFirst("X-Mybring-API-Key")));
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    /** A failure as the server of each interface would give it: a SOAP Server fault, or an HTTP error page. */
    @Override
    public void writeFailure(HttpExchange exchange, int status) throws IOException {
        boolean soapCall = exchange.getRequestURI().getPath().equals(SOAP_PATH);
        String body = soapCall
                ? "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                  + "<faultcode>soap:Server</faultcode><faultstring>failure injected by the sandbox (HTTP " + status
                  + ")</faultstring></soap:Fault></soap:Body></soap:Envelope>"
                : "failure injected by the sandbox (HTTP " + status + ")";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", soapCall ? "text/xml;charset=UTF-8" : "text/plain;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void reset() {
        desk.reset();
    }

    @Override
    public Map<String, Supplier<Object>> views() {
        return Map.of("purchase-orders", desk.view(), "events", desk::events);
    }
}

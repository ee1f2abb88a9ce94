package io.carrierhub.carrier;

import java.util.Map;

/**
 * One request to a carrier, as its client wrote it: nothing else travels to the carrier. Over SOAP, the body is the
 * SOAP body's element, the operation names the WSDL operation and method and path are unused.
 *
 * @param method  POST, PUT, DELETE, ...
 * @param path    below the carrier's base URL, without a leading slash
 * @param query   the query string, or null
 * @param headers every header the carrier is to get, the auth strategy's included
 * @param body    the body, or null
 * @param operation the SOAP operation, or null for a plain HTTP request
 */
public record CarrierRequest(String method, String path, String query, Map<String, String> headers, byte[] body,
                             String operation) {

    public CarrierRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {
        this(method, path, query, headers, body, null);
    }

    /** A call of a SOAP operation with this body element and these HTTP headers. */
    public static CarrierRequest soap(String operation, Map<String, String> headers, byte[] body) {
        return new CarrierRequest("POST", null, null, headers, body, operation);
    }
}

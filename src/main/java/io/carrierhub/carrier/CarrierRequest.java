package io.carrierhub.carrier;

import java.util.Map;

/**
 * One HTTP request to a carrier, as its client wrote it: nothing else travels to the carrier.
 *
 * @param method  POST, PUT, DELETE, ...
 * @param path    below the carrier's base URL, without a leading slash
 * @param query   the query string, or null
 * @param headers every header the carrier is to get, the auth strategy's included
 * @param body    the body, or null
 */
public record CarrierRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {
}

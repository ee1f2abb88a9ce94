package io.carrierhub.bring;

import io.carrierhub.carrier.CarrierAuth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mybring's API authentication, the same for every Bring API: the user's e-mail and API key, and the URL that
 * names the client, on every request.
 */
public record MybringAuth(String apiUid, String apiKey, String clientUrl) implements CarrierAuth {

    @Override
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Mybring-API-Uid", apiUid);
        headers.put("X-Mybring-API-Key", apiKey);
        headers.put("X-Bring-Client-URL", clientUrl);
        return headers;
    }

    @Override
    public String toString() {
        return "MybringAuth[apiUid=" + apiUid + ", clientUrl=" + clientUrl + "]";
    }
}

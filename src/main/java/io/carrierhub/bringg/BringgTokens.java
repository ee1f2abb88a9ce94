package io.carrierhub.bringg;

import io.carrierhub.carrier.CarrierAuth;
import io.carrierhub.carrier.auth.OAuth2ClientCredentials;
import io.carrierhub.carrier.auth.OAuth2Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One OAuth2 client-credentials token per merchant (Bringg's Get Token: JSON body at {@code <host>/oauth/token},
 * 30-minute tokens), on the shared strategy of io.carrierhub.carrier.auth, over the Bringg TLS policy.
 */
public class BringgTokens {

    private final Map<String, OAuth2ClientCredentials> tokens = new TreeMap<>();

    public BringgTokens(BringgProperties properties, java.util.Set<String> merchants, HttpClient http, Duration timeout, Clock clock) {
        URI tokenUri = URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + "/oauth/token");
        List<String> problems = new ArrayList<>();
        for (String merchant : merchants) {
            BringgProperties.Merchant credentials = properties.merchants().get(merchant);
            if (credentials == null || blank(credentials.clientId()) || blank(credentials.clientSecret())) {
                problems.add("hub.bringg.merchants." + merchant + ".client-id and client-secret are required: the merchant sends webhooks"
                        + " (hub.bringg.webhooks.keys), so the hub reports its deliveries to Bringg");
                continue;
            }
            tokens.put(merchant, new OAuth2ClientCredentials("bringg-" + merchant, new OAuth2Settings(tokenUri,
                    credentials.clientId(), credentials.clientSecret(), List.of(), credentials.expiryMargin()), http, timeout, clock));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Bringg configuration is not usable: " + String.join("; ", problems));
        }
    }

    public CarrierAuth of(String merchant) {
        CarrierAuth auth = tokens.get(merchant);
        if (auth == null) {
            throw new IllegalStateException("no Bringg credentials for merchant " + merchant);
        }
        return auth;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

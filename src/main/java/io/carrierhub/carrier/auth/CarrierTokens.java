package io.carrierhub.carrier.auth;

import io.carrierhub.carrier.CarrierSettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The OAuth2 client credentials of every carrier that has {@code hub.carriers.<carrier>.oauth2}, checked at
 * start-up: one {@link OAuth2ClientCredentials} per carrier, so that its lane, its lookups and its status poll share
 * one token.
 */
public class CarrierTokens {

    private final Map<String, OAuth2ClientCredentials> credentials = new TreeMap<>();

    public CarrierTokens(CarrierSettings settings, Environment environment, HttpClient http, Duration timeout, Clock clock) {
        Binder binder = Binder.get(environment);
        List<String> problems = new ArrayList<>();
        for (String carrier : settings.carriers().keySet()) {
            binder.bind("hub.carriers." + carrier + ".oauth2", OAuth2Settings.class).ifBound(oauth2 -> {
                List<String> wrong = oauth2.problems(carrier);
                if (wrong.isEmpty()) {
                    credentials.put(carrier, new OAuth2ClientCredentials(carrier, oauth2, http, timeout, clock));
                }
                problems.addAll(wrong);
            });
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("OAuth2 configuration is not usable: " + String.join("; ", problems));
        }
    }

    /** The carrier's OAuth2 credentials; a carrier without {@code oauth2} settings stops its client's making. */
    public OAuth2ClientCredentials of(String carrier) {
        OAuth2ClientCredentials auth = credentials.get(carrier);
        if (auth == null) {
            throw new IllegalArgumentException("hub.carriers." + carrier + ".oauth2 is missing: "
                    + "token-uri, client-id and client-secret are required for this carrier's API");
        }
        return auth;
    }
}

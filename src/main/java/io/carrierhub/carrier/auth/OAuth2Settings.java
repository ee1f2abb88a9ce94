package io.carrierhub.carrier.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A carrier's OAuth2 client credentials, under {@code hub.carriers.<carrier>.oauth2}.
 *
 * @param tokenUri     the token endpoint, absolute
 * @param clientId     the hub's client id at the carrier
 * @param clientSecret its secret (from the environment)
 * @param scopes       scopes to ask for; none by default
 * @param expiryMargin a token is renewed this long before its {@code expires_in} runs out
 */
public record OAuth2Settings(
        URI tokenUri,
        String clientId,
        String clientSecret,
        @DefaultValue List<String> scopes,
        @DefaultValue("60s") Duration expiryMargin) {

    /** What is missing or wrong, named by the properties' full names; empty when usable. */
    List<String> problems(String carrier) {
        String prefix = "hub.carriers." + carrier + ".oauth2.";
        List<String> problems = new java.util.ArrayList<>();
        if (tokenUri == null || !tokenUri.isAbsolute()) {
            problems.add(prefix + "token-uri must be an absolute http(s) URL, not " + tokenUri);
        }
        if (clientId == null || clientId.isBlank()) {
            problems.add(prefix + "client-id is missing");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            problems.add(prefix + "client-secret is missing");
        }
        if (expiryMargin.isNegative()) {
            problems.add(prefix + "expiry-margin must not be negative");
        }
        return problems;
    }

    @Override
    public String toString() {
        return "OAuth2Settings[tokenUri=" + tokenUri + ", clientId=" + clientId + ", scopes=" + scopes
                + ", expiryMargin=" + expiryMargin + "]";
    }
}

package io.carrierhub.carrier.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.error.CarrierUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * The client-credentials token request with a JSON body ({@code grant_type}, {@code client_id}, {@code client_secret},
 * {@code scope}), which Spring's own clients cannot send. A refused request (4xx) is a configuration error, never
 * retried; a 5xx or no answer is transient. Neither the secret nor the token is ever logged or put in a reason.
 */
final class JsonTokenRequests implements OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 300;

    private final String carrier;
    private final HttpClient http;
    private final Duration timeout;
    private final DefaultMapOAuth2AccessTokenResponseConverter converter = new DefaultMapOAuth2AccessTokenResponseConverter();

    JsonTokenRequests(String carrier, HttpClient http, Duration timeout) {
        this.carrier = carrier;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public OAuth2AccessTokenResponse getTokenResponse(OAuth2ClientCredentialsGrantRequest grant) {
        ClientRegistration registration = grant.getClientRegistration();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        body.put("client_id", registration.getClientId());
        body.put("client_secret", registration.getClientSecret());
        if (registration.getScopes() != null && !registration.getScopes().isEmpty()) {
            body.put("scope", String.join(" ", registration.getScopes()));
        }
        HttpResponse<byte[]> answer = post(registration.getProviderDetails().getTokenUri(), body);
        int status = answer.statusCode();
        if (status >= 200 && status < 300) {
            return token(answer.body());
        }
        String reason = "%s's token endpoint answered HTTP %d: %s".formatted(carrier, status, excerpt(answer.body()));
        if (status == 408 || status == 429 || status >= 500) {
            throw new CarrierUnavailableException("CARRIER_UNAVAILABLE", reason);
        }
        throw new CarrierRejectedException("CARRIER_AUTH", reason + " (check hub.carriers." + carrier + ".oauth2)");
    }

    private HttpResponse<byte[]> post(String tokenUri, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(tokenUri))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(carrier + "'s token endpoint " + tokenUri + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + carrier + " for a token", e);
        }
    }

    private OAuth2AccessTokenResponse token(byte[] body) {
        Map<String, Object> fields;
        try {
            fields = JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new CarrierRejectedException("CARRIER_AUTH", carrier + "'s token endpoint answered no JSON token");
        }
        if (!(fields.get("access_token") instanceof String)) {
            throw new CarrierRejectedException("CARRIER_AUTH", carrier + "'s token endpoint answered no access_token");
        }
        // the converter insists on a token type; a carrier that leaves it out means Bearer
        if (fields.get("token_type") == null) {
            fields.put("token_type", "Bearer");
        }
        fields.values().removeIf(value -> value == null);
        return converter.convert(fields);
    }

    private static String excerpt(byte[] body) {
        String text = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        if (text.isEmpty()) {
            return "(no body)";
        }
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "..." : text;
    }
}

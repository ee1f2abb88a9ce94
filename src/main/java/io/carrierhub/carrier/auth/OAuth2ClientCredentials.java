package io.carrierhub.carrier.auth;

import io.carrierhub.carrier.CarrierAuth;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * A bearer token from the OAuth2 client-credentials grant, one per carrier and shared by all its calls: fetched on
 * first use, kept in Spring Security's {@link AuthorizedClientServiceOAuth2AuthorizedClientManager} until its
 * {@code expires_in} less the margin, fetched afresh then, and dropped by {@link #renew()} when the carrier answers 401.
 * The token is never logged.
 */
public final class OAuth2ClientCredentials implements CarrierAuth {

    /** Tokens are the hub's, not a user's: one principal. */
    private static final String PRINCIPAL = "carrier-hub";

    private final String carrier;
    private final OAuth2AuthorizedClientService tokens;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    public OAuth2ClientCredentials(String carrier, OAuth2Settings settings, HttpClient http, Duration timeout, Clock clock) {
        this.carrier = carrier;
        ClientRegistration registration = ClientRegistration.withRegistrationId(carrier)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .tokenUri(settings.tokenUri().toString())
                .scope(settings.scopes())
                .build();
        this.tokens = new InMemoryOAuth2AuthorizedClientService(id -> carrier.equals(id) ? registration : null);
        ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(new JsonTokenRequests(carrier, http, timeout));
        provider.setClockSkew(settings.expiryMargin());
        provider.setClock(clock);
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                id -> carrier.equals(id) ? registration : null, tokens);
        this.manager.setAuthorizedClientProvider(provider);
    }

    /** {@code Authorization: Bearer <token>}, with the cached token or a fresh one. */
    @Override
    public Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + token());
    }

    /** Drops the cached token: the next call fetches a fresh one. */
    @Override
    public boolean renew() {
        tokens.removeAuthorizedClient(carrier, PRINCIPAL);
        return true;
    }

    // one token request at a time: callers that find the token expired together wait for the same fresh one
    private synchronized String token() {
        OAuth2AuthorizedClient client = manager.authorize(
                OAuth2AuthorizeRequest.withClientRegistrationId(carrier).principal(PRINCIPAL).build());
        if (client == null) {
            throw new IllegalStateException("no OAuth2 registration for " + carrier);
        }
        return client.getAccessToken().getTokenValue();
    }

    @Override
    public String toString() {
        return "OAuth2ClientCredentials[" + carrier + "]";
    }
}

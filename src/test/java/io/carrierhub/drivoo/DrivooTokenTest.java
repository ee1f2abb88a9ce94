package io.carrierhub.drivoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carrierhub.carrier.auth.AuthorizedReads;
import io.carrierhub.carrier.auth.CarrierTokens;
import io.carrierhub.carrier.auth.OAuth2ClientCredentials;
import io.carrierhub.drivoo.sandbox.DrivooSandbox;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.error.CarrierResponseClassifier;
import io.carrierhub.sandbox.RecordedRequest;
import io.carrierhub.sandbox.SandboxControl;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared OAuth2 client-credentials strategy against the Drivoo sandbox's token server: one token reused, a fresh
 * one before the old one expires, one renewal after a 401, and a configuration error when renewing does not help.
 */
class DrivooTokenTest {

    static final Duration LIFETIME = Duration.ofSeconds(100);
    static final Duration MARGIN = Duration.ofSeconds(30);

    DrivooSandbox sandbox;
    SandboxControl control;
    TestClock clock = new TestClock();

    @BeforeEach
    void start() {
        sandbox = new DrivooSandbox(DrivooAccountKit.sandbox(LIFETIME, Duration.ofMinutes(1)));
        sandbox.start();
        control = new SandboxControl(sandbox.address());
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void oneTokenServesEveryCallUntilItNearlyExpiresThenAFreshOneIsFetchedBeforeIt() {
        OAuth2ClientCredentials auth = DrivooAccountKit.tokens(sandbox, "testpass", MARGIN, clock).of("drivoo");

        String first = auth.headers().get("Authorization");
        clock.advance(Duration.ofSeconds(60));
        assertThat(auth.headers().get("Authorization")).as("69 s before expiry, less the 30 s margin").isEqualTo(first);
        assertThat(tokenRequests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(15));
        String second = auth.headers().get("Authorization");

        assertThat(second).startsWith("Bearer ").isNotEqualTo(first);
        assertThat(tokenRequests()).isEqualTo(2);
        // the sandbox, on real time, still takes the first token: it was replaced before it expired
        assertThat(control.view("drivoo", "tokens").path("valid").asInt()).isEqualTo(2);
        RecordedRequest tokenRequest = sandbox.requests().matching("/oauth").get(0);
        assertThat(tokenRequest.headers().get("Content-type")).containsExactly("application/json");
        assertThat(tokenRequest.body()).contains("\"grant_type\":\"client_credentials\"", "\"client_id\":\"testclient\"");
    }

    @Test
    void aRevokedTokenIsRenewedOnceAndTheReadMadeAgain() {
        CarrierTokens tokens = DrivooAccountKit.tokens(sandbox, "testpass", MARGIN, clock);
        AuthorizedReads reads = reads(tokens);
        reads.get(URI.create(sandbox.address() + "/retailer/3"));

        control.post("drivoo", "revoke-tokens");
        byte[] retailer = reads.get(URI.create(sandbox.address() + "/retailer/3"));

        assertThat(new String(retailer)).contains("Fleurs du Capitole");
        assertThat(sandbox.requests().all()).extracting(request -> request.method() + " " + request.path() + " " + request.status())
                .containsExactly("POST /oauth 200", "GET /retailer/3 200", "GET /retailer/3 401", "POST /oauth 200", "GET /retailer/3 200");
    }

    @Test
    void aTokenRefusedAgainAfterRenewalIsAConfigurationError() {
        CarrierTokens tokens = DrivooAccountKit.tokens(sandbox, "testpass", MARGIN, clock);
        control.post("drivoo", "token-lifetime?seconds=0");

        assertThatThrownBy(() -> reads(tokens).get(URI.create(sandbox.address() + "/retailer")))
                .isInstanceOfSatisfying(CarrierRejectedException.class, refused -> assertThat(refused.code()).isEqualTo("CARRIER_AUTH"))
                .hasMessageContaining("HTTP 401").hasMessageContaining("expired");
        assertThat(sandbox.requests().all()).extracting(RecordedRequest::status).containsExactly(200, 401, 200, 401);
    }

    @Test
    void aWrongSecretIsAConfigurationErrorThatNamesTheSettingsAndNeverTheSecret() {
        OAuth2ClientCredentials auth = DrivooAccountKit.tokens(sandbox, "wrong-secret", MARGIN, clock).of("drivoo");

        assertThatThrownBy(auth::headers)
                .isInstanceOfSatisfying(CarrierRejectedException.class, refused -> assertThat(refused.code()).isEqualTo("CARRIER_AUTH"))
                .hasMessageContaining("HTTP 401").hasMessageContaining("hub.carriers.drivoo.oauth2")
                .hasMessageNotContaining("wrong-secret");
    }

    private int tokenRequests() {
        return sandbox.requests().matching("/oauth").size();
    }

    private AuthorizedReads reads(CarrierTokens tokens) {
        return new AuthorizedReads("drivoo", tokens.of("drivoo"), HttpClient.newHttpClient(), Duration.ofSeconds(5),
                new CarrierResponseClassifier(Duration.ofMinutes(5)));
    }
}

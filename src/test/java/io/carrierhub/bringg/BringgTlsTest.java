package io.carrierhub.bringg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carrierhub.bringg.sandbox.SandboxTls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/**
 * The Bringg TLS policy against the sandbox's TLS side on loopback: a server offering one listed suite is reached
 * (and that suite is the one used); one offering only an unlisted suite fails the handshake; the same server with a
 * permissive client (the JDK's defaults) is reached, the control. Names are checked at start-up.
 */
class BringgTlsTest {

    private static final List<String> SEED_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    private static final String UNLISTED = "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256";

    private final BringgTls policy = new BringgTls(new BringgProperties.Tls(List.of("TLSv1.3", "TLSv1.2"), SEED_SUITES,
            SandboxTls.TRUST_STORE, SandboxTls.TRUST_STORE_PASSWORD));

    @Test
    void aServerOfferingAListedSuiteIsReachedWithIt() throws Exception {
        AtomicReference<String> used = new AtomicReference<>();
        SandboxTls server = server("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", used);
        try {
            assertThat(post(policy.httpClient(Duration.ofSeconds(5)), server).statusCode()).isEqualTo(200);
            assertThat(used.get()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        } finally {
            server.stop();
        }
    }

    @Test
    void aServerOfferingOnlyAnUnlistedSuiteFailsTheHandshakeAndAPermissiveClientReachesIt() throws Exception {
        AtomicReference<String> used = new AtomicReference<>();
        SandboxTls server = server(UNLISTED, used);
        try {
            assertThatThrownBy(() -> post(policy.httpClient(Duration.ofSeconds(5)), server)).isInstanceOf(SSLHandshakeException.class);
            assertThat(used.get()).isNull();
            BringgTls permissive = new BringgTls(new BringgProperties.Tls(List.of("TLSv1.3", "TLSv1.2"),
                    List.of(javax.net.ssl.SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites()),
                    SandboxTls.TRUST_STORE, SandboxTls.TRUST_STORE_PASSWORD));
            assertThat(post(permissive.httpClient(Duration.ofSeconds(5)), server).statusCode()).isEqualTo(200);
            assertThat(used.get()).isEqualTo(UNLISTED);
        } finally {
            server.stop();
        }
    }

    @Test
    void namesTheJdkDoesNotKnowAndOldProtocolsStopTheStart() {
        assertThatThrownBy(() -> new BringgTls(new BringgProperties.Tls(List.of("TLSv1.2"), List.of("ECDHE-RSA-AES128-GCM-SHA256"), null, null)))
                .hasMessageContaining("ECDHE-RSA-AES128-GCM-SHA256").hasMessageContaining("IANA");
        assertThatThrownBy(() -> new BringgTls(new BringgProperties.Tls(List.of("TLSv1.1"), SEED_SUITES, null, null)))
                .hasMessageContaining("TLSv1.1");
        List<String> offered = new BringgTls(new BringgProperties.Tls(List.of("TLSv1.2"), SEED_SUITES, null, null)).camel()
                .getCipherSuites().getCipherSuite();
        assertThat(offered).isSubsetOf(SEED_SUITES)
                .containsAll(SEED_SUITES.stream().filter(suite -> suite.startsWith("TLS_ECDHE_")).toList());
    }

    @Test
    void suitesTheJdkTurnsOffAreLeftOutAndOnlyTheyAre() {
        // JDK 25's jdk.tls.disabledAlgorithms, against the suites a JDK 25 supports of the seed's list
        String jdk25 = "SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, "
                + "3DES_EDE_CBC, anon, NULL, ECDH, TLS_RSA_*, rsa_pkcs1_sha1 usage HandshakeSignature";
        List<String> known = SEED_SUITES.stream().filter(suite -> !suite.startsWith("TLS_RSA_")).toList();
        assertThat(BringgTls.problems(List.of("TLSv1.2"), SEED_SUITES, known, jdk25)).isEmpty();
        assertThat(BringgTls.problems(List.of("TLSv1.2"), List.of("TLS_RSA_WITH_AES_128_GCM_SHA256"), known, jdk25))
                .containsExactly("no cipher suite of cipher-suites is usable on this JDK");
        assertThat(BringgTls.problems(List.of("TLSv1.2"), SEED_SUITES, known, "SSLv3, ECDH"))
                .contains("cipher suite TLS_RSA_WITH_AES_128_GCM_SHA256 is unknown to this JDK");
        assertThat(BringgTls.problems(List.of("TLSv1.2"), List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265"), known, jdk25))
                .contains("cipher suite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265 is unknown to this JDK");
    }

    private static SandboxTls server(String suite, AtomicReference<String> used) {
        return new SandboxTls(0, List.of(suite), exchange -> {
            SSLSession session = ((com.sun.net.httpserver.HttpsExchange) exchange).getSSLSession();
            used.set(session.getCipherSuite());
            byte[] body = "{\"success\":true}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private static HttpResponse<String> post(HttpClient client, SandboxTls server) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/oauth/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}

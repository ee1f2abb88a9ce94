package io.carrierhub.bringg;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Security;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.apache.camel.support.jsse.CipherSuitesParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bringg's outbound TLS policy: TLS 1.2 or later, and only the cipher suites Bringg lists (hub.bringg.tls), for the
 * driver-API calls (camel-http, {@link #camel()}) and their token calls (the JDK client, {@link #httpClient}). The
 * names are IANA names, checked against the JDK at start-up: a wrong name stops the hub here, not at the first call.
 * A listed suite this JDK's own policy turns off ({@code jdk.tls.disabledAlgorithms}: {@code TLS_RSA_*} since JDK 24)
 * is left out of what the hub offers, with a warning: the hub still starts on a newer JDK.
 */
public final class BringgTls {

    private static final Logger LOG = LoggerFactory.getLogger(BringgTls.class);
    private static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

    private final List<String> protocols;
    private final List<String> cipherSuites;
    private final BringgProperties.Tls settings;
    private final SSLContext context;

    public BringgTls(BringgProperties.Tls settings) {
        this.settings = settings;
        this.protocols = List.copyOf(settings.protocols());
        List<String> listed = settings.cipherSuites() == null ? List.of() : List.copyOf(settings.cipherSuites());
        this.context = sslContext(settings);
        List<String> known = List.of(context.getSupportedSSLParameters().getCipherSuites());
        String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
        List<String> problems = problems(protocols, listed, known, disabled);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("hub.bringg.tls is not usable: " + String.join("; ", problems));
        }
        this.cipherSuites = listed.stream().filter(known::contains).toList();
        List<String> leftOut = listed.stream().filter(suite -> !known.contains(suite)).toList();
        if (!leftOut.isEmpty()) {
            LOG.warn("hub.bringg.tls: not offering {}, turned off by this JDK's jdk.tls.disabledAlgorithms", leftOut);
        }
    }

    static List<String> problems(List<String> protocols, List<String> cipherSuites, List<String> known, String disabledAlgorithms) {
        List<String> problems = new ArrayList<>();
        if (protocols.isEmpty()) {
            problems.add("protocols is empty");
        }
        protocols.stream().filter(protocol -> !PROTOCOLS.contains(protocol))
                .forEach(protocol -> problems.add("protocol " + protocol + " is not allowed: Bringg requires TLS 1.2 or later (TLSv1.2, TLSv1.3)"));
        if (cipherSuites.isEmpty()) {
            problems.add("cipher-suites is empty");
        } else if (cipherSuites.stream().noneMatch(known::contains)) {
            problems.add("no cipher suite of cipher-suites is usable on this JDK");
        }
        cipherSuites.stream().filter(suite -> !known.contains(suite) && !disabledByJdk(suite, disabledAlgorithms))
                .forEach(suite -> problems.add("cipher suite " + suite + " is unknown to this JDK" + (suite.startsWith("TLS_") ? ""
                        : " (an OpenSSL name? the JDK takes IANA names, e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)")));
        return problems;
    }

    /** Whether an entry of jdk.tls.disabledAlgorithms names the suite, exactly or as a prefix ending in '*'. */
    static boolean disabledByJdk(String suite, String disabledAlgorithms) {
        return disabledAlgorithms != null && Arrays.stream(disabledAlgorithms.split(",")).map(String::trim)
                .anyMatch(entry -> entry.endsWith("*") ? suite.startsWith(entry.substring(0, entry.length() - 1)) : suite.equals(entry));
    }

    public List<String> protocols() {
        return protocols;
    }

    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /** The policy as Camel's {@code sslContextParameters} of the http endpoint. */
    public SSLContextParameters camel() {
        SSLContextParameters parameters = new SSLContextParameters();
        SecureSocketProtocolsParameters secureProtocols = new SecureSocketProtocolsParameters();
        secureProtocols.setSecureSocketProtocol(protocols);
        parameters.setSecureSocketProtocols(secureProtocols);
        CipherSuitesParameters suites = new CipherSuitesParameters();
        suites.setCipherSuite(cipherSuites);
        parameters.setCipherSuites(suites);
        if (settings.trustStore() != null && !settings.trustStore().isBlank()) {
            KeyStoreParameters store = new KeyStoreParameters();
            store.setResource(settings.trustStore().startsWith("classpath:") ? settings.trustStore() : "file:" + settings.trustStore());
            store.setType("PKCS12");
            store.setPassword(settings.trustStorePassword());
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(store);
            parameters.setTrustManagers(trust);
        }
        return parameters;
    }

    /** A JDK HTTP client held to the policy. */
    public HttpClient httpClient(java.time.Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).sslContext(context).sslParameters(parameters()).build();
    }

    /** The protocols and suites the policy allows, as the JDK takes them. */
    public SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(protocols.toArray(String[]::new));
        parameters.setCipherSuites(cipherSuites.toArray(String[]::new));
        return parameters;
    }

    private static SSLContext sslContext(BringgProperties.Tls settings) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (settings.trustStore() == null || settings.trustStore().isBlank()) {
                context.init(null, null, null);
                return context;
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = settings.trustStorePassword() == null ? new char[0] : settings.trustStorePassword().toCharArray();
            String location = settings.trustStore();
            try (InputStream in = location.startsWith("classpath:")
                    ? BringgTls.class.getResourceAsStream("/" + location.substring("classpath:".length()))
                    : Files.newInputStream(Path.of(location))) {
                store.load(in, password);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("hub.bringg.tls.trust-store cannot be read: " + settings.trustStore(), e);
        }
    }
}

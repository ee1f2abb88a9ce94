package io.carrierhub.bringg.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The TLS side of the Bringg sandbox: HTTPS on 127.0.0.1 with the sandbox's self-signed certificate
 * ({@code bringg-sandbox/tls.p12}; clients trust {@code bringg-sandbox/trust.p12}), offering only the given cipher
 * suites over TLS 1.2: the server the hub's cipher policy is tested against.
 */
public final class SandboxTls {

    /** The trust store that holds the sandbox's certificate, a classpath resource; its password. */
    public static final String TRUST_STORE = "classpath:bringg-sandbox/trust.p12";
    public static final String TRUST_STORE_PASSWORD = "sandbox-trust";
    private static final String KEY_STORE = "/bringg-sandbox/tls.p12";
    private static final char[] KEY_PASSWORD = "sandbox-tls".toCharArray();

    private final HttpsServer server;
    private final ExecutorService executor;

    public SandboxTls(int port, List<String> cipherSuites, HttpHandler handler) {
        try {
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the Bringg sandbox's TLS side cannot listen on 127.0.0.1:" + port, e);
        }
        SSLContext context = context();
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setProtocols(new String[] {"TLSv1.2"});
                ssl.setCipherSuites(cipherSuites.toArray(String[]::new));
                parameters.setSSLParameters(ssl);
            }
        });
        executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "bringg-sandbox-tls");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static SSLContext context() {
        try (InputStream in = SandboxTls.class.getResourceAsStream(KEY_STORE)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, KEY_PASSWORD);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, KEY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the Bringg sandbox's key store cannot be read", e);
        }
    }
}

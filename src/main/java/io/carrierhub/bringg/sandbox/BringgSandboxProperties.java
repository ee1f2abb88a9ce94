package io.carrierhub.bringg.sandbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The offline Bringg fleet API (hub.sandbox.bringg).
 *
 * @param enabled           start it with the hub
 * @param port              its HTTP port on 127.0.0.1 (0: any free port)
 * @param tlsPort           its TLS side's port (0: any free port; null: no TLS side)
 * @param tlsCipherSuites   the suites its TLS side offers (the test server of the hub's cipher policy)
 * @param clientId          the one fleet client it knows
 * @param clientSecret      that client's secret
 * @param tokenLifetime     a token's life (Bringg: 30 minutes)
 * @param webhookKey        the sandbox merchant's API key, sent with its webhooks
 * @param webhookUrl        where it sends webhooks: {@code <url>/<event>}
 * @param webhookRetryDelay Bringg's delay between the tries of a webhook
 * @param failureRate       share of requests answered 500
 * @param latency           added to every answer
 */
@ConfigurationProperties("hub.sandbox.bringg")
public record BringgSandboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("18085") int port,
        Integer tlsPort,
        @DefaultValue("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256") List<String> tlsCipherSuites,
        @DefaultValue("sandbox-fleet-client") String clientId,
        @DefaultValue("sandbox-fleet-secret") String clientSecret,
        @DefaultValue("30m") Duration tokenLifetime,
        @DefaultValue("sandbox-webhook-key") String webhookKey,
        String webhookUrl,
        @DefaultValue("60s") Duration webhookRetryDelay,
        @DefaultValue("0.0") double failureRate,
        @DefaultValue("0ms") Duration latency) {
}

package io.carrierhub.bringg;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The hub as a Bringg fleet (docs/carriers/bringg.md), under {@code hub.bringg}.
 *
 * @param carrier          the carrier that carries Bringg's deliveries (one of hub.carriers)
 * @param productCode      the service of the orders made of Bringg's deliveries
 * @param defaultCountry   the country of Bringg's way points, which name none (ISO 3166 alpha-2)
 * @param baseUrl          Bringg's API host; the driver-API paths are under {@code open_fleet_services/}
 * @param queue            the queue of the driver-API calls (and its DLQ.&lt;queue&gt;)
 * @param locationInterval how often an active delivery's latest known position goes to Bringg (at most 30 s)
 * @param webhooks         the webhooks Bringg sends to the hub
 * @param merchants        each merchant's OAuth2 client of the fleet API, by the merchant's name in the webhook keys
 * @param retry            transient failures of a driver-API call: later attempts, then the DLQ
 * @param tls              the outbound TLS policy of the Bringg calls and their token calls
 */
@ConfigurationProperties("hub.bringg")
public record BringgProperties(
        @DefaultValue("drivoo") String carrier,
        @DefaultValue("COURSE") String productCode,
        @DefaultValue("FR") String defaultCountry,
        URI baseUrl,
        @DefaultValue("bringg.fleet") String queue,
        @DefaultValue("10s") Duration locationInterval,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Map<String, Merchant> merchants,
        @DefaultValue Retry retry,
        @DefaultValue Tls tls) {

    public BringgProperties {
        if (locationInterval.isZero() || locationInterval.isNegative() || locationInterval.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("hub.bringg.location-interval must be positive and at most 30 s (Bringg's rule): " + locationInterval);
        }
        if (baseUrl == null || !baseUrl.isAbsolute()) {
            throw new IllegalArgumentException("hub.bringg.base-url must be an absolute http(s) URL: " + baseUrl);
        }
    }

    /**
     * @param keys    {@code merchant=key} pairs, comma-separated (BRINGG_WEBHOOK_KEYS): the API key each merchant's
     *                webhooks carry as {@code Authorization: Bearer <key>}
     * @param maxBody a larger body is refused with 413
     */
    public record Webhooks(String keys, @DefaultValue("1MB") DataSize maxBody) {
    }

    /**
     * @param clientId     the merchant's Client ID in the fleet sandbox or from Get Merchant Credentials
     * @param clientSecret its Client Secret (environment only)
     * @param expiryMargin a token is renewed this long before its 30 minutes run out
     */
    public record Merchant(String clientId, String clientSecret, @DefaultValue("60s") Duration expiryMargin) {
    }

    /** Delays grow from initialDelay by multiplier up to maximumDelay; after horizon the call is dead-lettered. */
    public record Retry(@DefaultValue("1s") Duration initialDelay, @DefaultValue("2.0") double multiplier,
                        @DefaultValue("1m") Duration maximumDelay, @DefaultValue("1h") Duration horizon) {
    }

    /**
     * @param protocols          TLS versions offered (TLS 1.2 or later only)
     * @param cipherSuites       IANA names, each checked against the JDK at start-up
     * @param trustStore         a PKCS12 trust store instead of the JDK's (e.g. the sandbox's certificate); empty: the JDK's
     * @param trustStorePassword its password
     */
    public record Tls(@DefaultValue({"TLSv1.3", "TLSv1.2"}) List<String> protocols, List<String> cipherSuites,
                      String trustStore, String trustStorePassword) {
    }
}

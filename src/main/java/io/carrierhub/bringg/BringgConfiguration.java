package io.carrierhub.bringg;

import io.carrierhub.carrier.Carriers;
import io.carrierhub.carrier.CarrierSettings;
import io.carrierhub.error.CarrierResponseClassifier;
import io.carrierhub.error.Failures;
import io.carrierhub.messaging.SharedIdempotentRepository;
import io.carrierhub.order.OrderCodec;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The hub as a Bringg fleet: the beans routes/bringg-webhooks.yaml and routes/bringg-fleet.yaml name. */
@Configuration(proxyBeanMethods = false)
public class BringgConfiguration {

    @Bean
    BringgTls bringgTlsPolicy(BringgProperties properties) {
        return new BringgTls(properties.tls());
    }

    /** The TLS policy as the driver-API calls' camel-http endpoint takes it ({@code sslContextParameters=#bringgTls}). */
    @Bean
    SSLContextParameters bringgTls(BringgTls policy) {
        return policy.camel();
    }

    @Bean
    WebhookKeys bringgWebhookKeys(BringgProperties properties) {
        return new WebhookKeys(properties.webhooks().keys());
    }

    @Bean
    BringgDeliveries bringgDeliveries(JdbcTemplate jdbc, Clock clock) {
        return new BringgDeliveries(jdbc, clock);
    }

    @Bean
    BringgTokens bringgTokens(BringgProperties properties, WebhookKeys keys, BringgTls tls, Clock clock,
                              @Value("${hub.http.connect-timeout}") Duration connectTimeout,
                              @Value("${hub.http.response-timeout}") Duration responseTimeout) {
        return new BringgTokens(properties, keys.merchants(), tls.httpClient(connectTimeout), responseTimeout, clock);
    }

    @Bean
    BringgWebhooks bringgWebhooks(BringgProperties properties, CarrierSettings carriers, WebhookKeys keys, BringgDeliveries deliveries,
                                  OrderCodec codec, Carriers lanes, Clock clock) {
        if (!carriers.carriers().containsKey(properties.carrier())) {
            throw new IllegalArgumentException("hub.bringg.carrier names '" + properties.carrier() + "', which is none of hub.carriers "
                    + carriers.carriers().keySet());
        }
        return new BringgWebhooks(keys, properties.webhooks().maxBody().toBytes(), properties.carrier(),
                new BringgDeliveryMapper(properties.productCode(), properties.defaultCountry(), clock), deliveries, codec, lanes, clock);
    }

    /** Webhooks seen, shared by hub instances: a webhook Bringg sends again is answered, not handled again. */
    @Bean
    SharedIdempotentRepository bringgWebhookIdempotency(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new SharedIdempotentRepository(dataSource, transactionManager, "bringg-webhooks");
    }

    @Bean
    BringgFleet bringgFleet(BringgDeliveries deliveries, BringgTokens tokens, OrderCodec codec, CarrierResponseClassifier classifier, Clock clock) {
        return new BringgFleet(deliveries, tokens, codec, classifier, clock);
    }

    @Bean
    BringgRetries bringgRetries(BringgProperties properties, Failures failures, Clock clock) {
        return new BringgRetries(properties.retry(), failures, clock);
    }
}

package io.carrierhub.drivoo;

import io.carrierhub.carrier.CarrierSettings;
import io.carrierhub.carrier.auth.CarrierTokens;
import io.carrierhub.error.CarrierResponseClassifier;
import io.carrierhub.ledger.OrderLedger;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Drivoo API as a carrier API of the hub, and its status poll. */
@Configuration(proxyBeanMethods = false)
public class DrivooConfiguration {

    @Bean
    DrivooApi drivooApi(Environment environment, CarrierSettings settings, CarrierTokens tokens, OrderLedger ledger,
                        CarrierResponseClassifier classifier, Clock clock,
                        @Value("${hub.http.connect-timeout}") Duration connectTimeout,
                        @Value("${hub.http.response-timeout}") Duration responseTimeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        return new DrivooApi(environment, settings, tokens, ledger, classifier, http, responseTimeout, clock);
    }

    @Bean
    DrivooCoursePoll drivooCoursePoll(DrivooApi drivooApi) {
        return new DrivooCoursePoll(drivooApi);
    }
}

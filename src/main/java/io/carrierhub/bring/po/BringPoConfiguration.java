package io.carrierhub.bring.po;

import io.carrierhub.ledger.OrderLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Bring Purchase Order API as a carrier API of the hub. */
@Configuration(proxyBeanMethods = false)
public class BringPoConfiguration {

    @Bean
    BringPoCodec bringPoCodec() {
        return new BringPoCodec();
    }

    @Bean
    BringPoApi bringPoApi(Environment environment, BringPoCodec bringPoCodec, OrderLedger ledger, MeterRegistry meters, Clock clock) {
        return new BringPoApi(environment, bringPoCodec, ledger, meters, clock);
    }
}

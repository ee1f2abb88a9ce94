package io.carrierhub.bring.po;

import io.carrierhub.carrier.CarrierSettings;
import io.carrierhub.carrier.Carriers;
import io.carrierhub.error.CarrierResponseClassifier;
import io.carrierhub.ledger.OrderLedger;
import io.carrierhub.messaging.SharedIdempotentRepository;
import io.carrierhub.order.OrderCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/** The Bring Purchase Order API as a carrier API of the hub, its sender status poll and the events it is told. */
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

    @Bean
    BringPoLanes bringPoLanes(CarrierSettings settings, BringPoApi bringPoApi, ProducerTemplate producerTemplate) {
        Map<String, BringPoClient> clients = new LinkedHashMap<>();
        settings.carriers().keySet().stream().filter(carrier -> BringPoApi.NAME.equals(settings.api(carrier)))
                .forEach(carrier -> clients.put(carrier, bringPoApi.client(carrier)));
        return new BringPoLanes(clients, producerTemplate);
    }

    @Bean
    BringPoRoutes bringPoRoutes(BringPoLanes bringPoLanes, Carriers carriers) {
        return new BringPoRoutes(bringPoLanes, carriers);
    }

    @Bean
    BringPoSenderStatusPoll bringPoSenderStatusPoll(BringPoLanes bringPoLanes, OrderLedger ledger, Clock clock) {
        return new BringPoSenderStatusPoll(bringPoLanes, ledger, clock);
    }

    @Bean
    BringPoEvents bringPoEvents(BringPoLanes bringPoLanes, OrderCodec orderCodec, CarrierResponseClassifier classifier,
                                DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new BringPoEvents(bringPoLanes, orderCodec, classifier,
                new SharedIdempotentRepository(dataSource, transactionManager, "bring-po-events"));
    }
}

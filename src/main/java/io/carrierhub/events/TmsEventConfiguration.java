package io.carrierhub.events;

import io.carrierhub.ledger.OrderEvents;
import io.carrierhub.order.OrderCodec;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The beans routes/tms-events.yaml names. */
@Configuration(proxyBeanMethods = false)
public class TmsEventConfiguration {

    @Bean
    OrderEvents orderEvents(JdbcTemplate jdbc, Clock clock) {
        return new OrderEvents(jdbc, clock);
    }

    @Bean
    TmsEvents tmsEvents(OrderCodec orderCodec, TmsEventProperties properties, Clock clock) {
        return new TmsEvents(orderCodec, properties, clock);
    }

    @Bean
    @ConditionalOnExpression("!'${hub.events.callback.url:}'.isBlank()")
    CallbackSigner callbackSigner(TmsEventProperties properties, Clock clock) {
        return new CallbackSigner(properties.callback().secret(), clock);
    }

    @Bean
    CallbackFailures callbackFailures() {
        return new CallbackFailures();
    }
}

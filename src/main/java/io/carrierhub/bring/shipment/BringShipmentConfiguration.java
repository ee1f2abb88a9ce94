package io.carrierhub.bring.shipment;

import io.carrierhub.ledger.OrderLedger;
import io.carrierhub.order.OrderCodec;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Bring Shipment beans the route bring-shipment.yaml names. */
@Configuration(proxyBeanMethods = false)
public class BringShipmentConfiguration {

    @Bean
    BringShipmentCodec bringShipmentCodec() {
        return new BringShipmentCodec();
    }

    @Bean
    BringShipmentCalls bringShipment(BringShipmentCodec bringShipmentCodec, OrderLedger ledger, OrderCodec orderCodec,
                                     BringShipmentProperties properties, Clock clock) {
        return new BringShipmentCalls(new BringShipmentMapper(), bringShipmentCodec, ledger, orderCodec, properties, clock);
    }
}

package io.carrierhub.bring.shipment;

import io.carrierhub.ledger.Allotments;
import io.carrierhub.ledger.OrderLedger;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Bring Shipment API as a carrier API of the hub. */
@Configuration(proxyBeanMethods = false)
public class BringShipmentConfiguration {

    @Bean
    BringShipmentCodec bringShipmentCodec() {
        return new BringShipmentCodec();
    }

    @Bean
    BringShipmentApi bringShipmentApi(Environment environment, BringShipmentCodec bringShipmentCodec, OrderLedger ledger,
                                      Allotments allotments, Clock clock) {
        return new BringShipmentApi(environment, bringShipmentCodec, ledger, allotments, clock);
    }
}

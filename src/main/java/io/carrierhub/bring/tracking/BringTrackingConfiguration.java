package io.carrierhub.bring.tracking;

import io.carrierhub.bring.shipment.BringShipmentProperties;
import io.carrierhub.carrier.CarrierSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Bring Tracking poll over the Bring Shipment lanes that have a tracking URL. */
@Configuration(proxyBeanMethods = false)
public class BringTrackingConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BringTrackingConfiguration.class);

    @Bean
    BringTrackingPoll bringTrackingPoll(CarrierSettings settings, Environment environment, ProducerTemplate producerTemplate) {
        Binder binder = Binder.get(environment);
        Map<String, BringTrackingPoll.Lane> lanes = new LinkedHashMap<>();
        for (String carrier : settings.carriers().keySet()) {
            BringTrackingProperties tracking = binder.bind("hub.carriers." + carrier + ".tracking", BringTrackingProperties.class)
                    .orElse(null);
            if (BringTrackingPoll.tracked(settings, carrier, tracking)) {
                BringShipmentProperties lane = binder.bindOrCreate("hub.carriers." + carrier, BringShipmentProperties.class);
                lanes.put(carrier, new BringTrackingPoll.Lane(tracking.url(), lane.auth()));
            } else if ("bring-shipment".equals(settings.api(carrier))) {
                LOG.info("Bring lane {} has no hub.carriers.{}.tracking.url: its shipments are not tracked", carrier, carrier);
            }
        }
        return new BringTrackingPoll(lanes, producerTemplate);
    }
}

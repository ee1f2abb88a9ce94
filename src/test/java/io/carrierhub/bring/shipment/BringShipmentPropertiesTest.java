package io.carrierhub.bring.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class BringShipmentPropertiesTest {

    @Test
    void jsonRequestsWriteTheSeedsOrdinalsUnlessNamesAreAskedFor() {
        assertThat(bind(Map.of("hub.carriers.bring.format", "json")).jsonEnums()).isEqualTo(JsonEnums.ORDINAL);
        assertThat(bind(Map.of("hub.carriers.bring.json-enums", "name")).jsonEnums()).isEqualTo(JsonEnums.NAME);
    }

    private static BringShipmentProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("hub.carriers.bring", BringShipmentProperties.class);
    }
}

package io.carrierhub.bring.shipment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the hub talks to the Bring Shipment API (hub.carriers.bring-shipment in application.yaml).
 *
 * @param format            xml or json, for requests and responses alike
 * @param createShipmentId  let Bring assign the shipment number when the ERP gave none
 * @param createPackageIds  let Bring assign package numbers when the ERP gave none
 */
@ConfigurationProperties("hub.carriers.bring-shipment")
public record BringShipmentProperties(String format, boolean createShipmentId, boolean createPackageIds) {

    public boolean json() {
        return "json".equalsIgnoreCase(format);
    }
}

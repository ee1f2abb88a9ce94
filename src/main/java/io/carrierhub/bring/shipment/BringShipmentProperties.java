package io.carrierhub.bring.shipment;

import io.carrierhub.bring.MybringAuth;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a carrier on the Bring Shipment API adds to its lane settings (under {@code hub.carriers.<carrier>}).
 *
 * @param format            xml or json, for requests and responses alike
 * @param apiUid            the Mybring user (e-mail)
 * @param apiKey            its API key
 * @param clientUrl         the URL that names this client to Bring
 * @param createShipmentId  let Bring assign the shipment number when the ERP gave none
 * @param createPackageIds  let Bring assign package numbers when the ERP gave none
 * @param jsonEnums         ordinal (as the seed's JSON samples) or name (as Bring's "Valid Request" example): how JSON
 *                          requests write unitCode, termsType, identifierType, accountType and restrictionType
 */
public record BringShipmentProperties(
        @DefaultValue("xml") String format,
        String apiUid,
        String apiKey,
        String clientUrl,
        @DefaultValue("true") boolean createShipmentId,
        @DefaultValue("true") boolean createPackageIds,
        @DefaultValue("ordinal") JsonEnums jsonEnums) {

    public BringShipmentProperties {
        if (!"xml".equalsIgnoreCase(format) && !"json".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException("the Bring Shipment API format is xml or json, not " + format);
        }
    }

    public boolean json() {
        return "json".equalsIgnoreCase(format);
    }

    public MybringAuth auth() {
        return new MybringAuth(apiUid, apiKey, clientUrl);
    }
}

package io.carrierhub.bring.shipment;

import io.carrierhub.bring.MybringAuth;
import io.carrierhub.ledger.Allotments;
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
 * @param shipmentNumbers   a range of shipment numbers Bring allotted to the customer, as 16-digit serials (the hub
 *                          adds the GS1 check digit): the hub numbers every shipment the ERP did not number itself,
 *                          so that a retry after an ambiguous failure meets "exists already". Absent: Bring numbers
 * @param packageNumbers    the same for package numbers, as 17-digit serials
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
        Allotments.Range shipmentNumbers,
        Allotments.Range packageNumbers,
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

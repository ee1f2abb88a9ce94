package io.carrierhub.bring.po;

import io.carrierhub.bring.MybringAuth;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a carrier on the Bring Purchase Order API adds to its lane settings (under {@code hub.carriers.<carrier>}).
 *
 * @param transport           soap (the WSDL at base-url + /api/ws) or rest (the REST XML interface at base-url +
 *                            /api/v1): the same messages either way
 * @param apiUid              the Mybring user (e-mail)
 * @param apiKey              its API key
 * @param clientUrl           the URL that names this client to Bring
 * @param locale              RequestProperties/Locale
 * @param schemaVersion       RequestProperties/SchemaVersion: the schema version the hub was built for
 * @param customerCheckExpiry how long Bring's answer whether a customer is a purchase order customer is trusted
 * @param tellEvents          tell Bring the TMS events of this lane's consignments (CreateEvent)
 */
public record BringPoProperties(
        @DefaultValue("soap") String transport,
        String apiUid,
        String apiKey,
        String clientUrl,
        @DefaultValue("en") String locale,
        @DefaultValue("1") int schemaVersion,
        @DefaultValue("10m") Duration customerCheckExpiry,
        @DefaultValue("true") boolean tellEvents) {

    public BringPoProperties {
        if (!"soap".equalsIgnoreCase(transport) && !"rest".equalsIgnoreCase(transport)) {
            throw new IllegalArgumentException("the Bring Purchase Order transport is soap or rest, not " + transport);
        }
    }

    public boolean soap() {
        return "soap".equalsIgnoreCase(transport);
    }

    public MybringAuth auth() {
        return new MybringAuth(apiUid, apiKey, clientUrl);
    }
}

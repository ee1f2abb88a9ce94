package io.carrierhub.bring.po.sandbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The offline Bring Purchase Order sandbox.
 *
 * @param enabled        start the sandbox with the hub
 * @param port           its port on 127.0.0.1 (0: any free port)
 * @param apiUid         the one Mybring user it accepts in X-Mybring-API-Uid
 * @param apiKey         that user's key, expected in X-Mybring-API-Key
 * @param customers      the user's customers that are purchase order customers
 * @param otherCustomers the user's other customers: IsPurchaseOrderCustomer false. Any customer in neither list is
 *                       one the user has no access to (PO_STATE_004)
 * @param schemaVersion  the current schema version: an older one in a request gets a TraceMessage, a newer one
 *                       PO_INPUT_003
 * @param lockAfter      how long after its creation a purchase order turns from OPEN to LOCKED
 * @param failureRate    share of requests, 0.0 to 1.0, answered with a 500
 * @param latency        added to every answer
 */
@ConfigurationProperties("hub.sandbox.bring-po")
public record BringPoSandboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("18083") int port,
        @DefaultValue("sandbox@carrierhub.local") String apiUid,
        @DefaultValue("sandbox-key") String apiKey,
        @DefaultValue({"10000000000", "10000000001"}) List<String> customers,
        @DefaultValue("10000000009") List<String> otherCustomers,
        @DefaultValue("1") int schemaVersion,
        @DefaultValue("10m") Duration lockAfter,
        @DefaultValue("0.0") double failureRate,
        @DefaultValue("0ms") Duration latency) {
}

package io.carrierhub.bring.tracking;

import java.net.URI;

/**
 * Where a Bring Shipment lane's shipments are tracked, {@code hub.carriers.<carrier>.tracking}; the lane's Mybring
 * credentials authenticate the calls. A lane without a tracking URL is not tracked.
 *
 * @param url the Tracking API, version 2 (production: https://api.bring.com/tracking/api/v2); the poll calls
 *            {@code <url>/tracking.json?q=<shipment number>}
 */
public record BringTrackingProperties(URI url) {
}

package io.carrierhub.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the ledger database keeps the rows of its working tables ({@code hub.retention}); one job deletes the
 * older ones every {@code purgeInterval}.
 *
 * @param purgeInterval   how often older rows are deleted
 * @param idempotencyKeys how long the intake remembers an order message it took (CAMEL_MESSAGEPROCESSED): a copy
 *                        sent later than this is taken as a new message and booked again
 * @param carrierCalls    how long a record of a carrier call is kept (hub_carrier_call)
 */
@ConfigurationProperties("hub.retention")
public record RetentionProperties(@DefaultValue("1h") Duration purgeInterval, @DefaultValue("7d") Duration idempotencyKeys,
        @DefaultValue("30d") Duration carrierCalls) {
}

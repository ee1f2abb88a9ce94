package io.carrierhub.poll;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Quartz scheduler that runs the status polls, {@code hub.poll-scheduler}. Its job store is the ledger database,
 * clustered: every hub on the same database with the same {@code name} shares the polls' schedule, and each poll
 * fires on one of them per interval.
 *
 * @param name                   the scheduler's name, the same on every hub of a cluster
 * @param threads                polls that may run at the same time on one hub
 * @param clusterCheckinInterval how often a hub tells the others it is alive; a hub silent for longer is taken for
 *                               dead and its running polls may start elsewhere
 * @param misfireThreshold       how late a poll may start and still count as on time; a later start is a misfire,
 *                               and a poll that missed its times runs once when it can, not once per missed time
 */
@ConfigurationProperties("hub.poll-scheduler")
public record PollSchedulerProperties(
        @DefaultValue("carrier-hub-polls") String name,
        @DefaultValue("3") int threads,
        @DefaultValue("10s") Duration clusterCheckinInterval,
        @DefaultValue("60s") Duration misfireThreshold) {

    public PollSchedulerProperties {
        if (threads < 1) {
            throw new IllegalArgumentException("hub.poll-scheduler.threads must be at least 1");
        }
    }
}

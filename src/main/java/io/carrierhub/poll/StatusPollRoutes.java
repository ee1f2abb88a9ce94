package io.carrierhub.poll;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A route {@code poll-<name>} for every enabled status poll, made from the template of routes/status-polls.yaml with
 * the poll's {@code hub.polls.<name>} settings.
 */
@Component
public class StatusPollRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPollRoutes.class);

    private final StatusPolls polls;
    private final PollSettings settings;

    public StatusPollRoutes(StatusPolls polls, PollSettings settings) {
        this.polls = polls;
        this.settings = settings;
    }

    @Override
    public void configure() {
        for (String poll : polls.names()) {
            PollProperties properties = settings.of(poll);
            if (!properties.enabled()) {
                LOG.info("Status poll {} is disabled (hub.polls.{}.enabled)", poll, poll);
                continue;
            }
            templatedRoute("status-poll").routeId("poll-" + poll).prefixId(poll + "-")
                    .parameter("poll", poll).parameter("cron", properties.cron())
                    .parameter("ordersPerSecond", String.valueOf(properties.ordersPerSecond()));
        }
    }
}

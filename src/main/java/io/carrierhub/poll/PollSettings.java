package io.carrierhub.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The status polls' settings ({@code hub.polls.<name>}), checked at start-up so that a mistake stops the hub with its
 * name; a poll without settings runs with {@link PollProperties#DEFAULTS}.
 */
@ConfigurationProperties("hub")
public record PollSettings(@DefaultValue Map<String, PollProperties> polls) {

    public PollSettings {
        List<String> problems = new ArrayList<>();
        polls.forEach((name, poll) -> {
            if (!CronExpression.isValidExpression(poll.cron())) {
                problems.add("hub.polls." + name + ".cron is not a Quartz cron expression (seconds first): " + poll.cron());
            }
            if (poll.pageSize() < 1) {
                problems.add("hub.polls." + name + ".page-size must be at least 1");
            }
            if (poll.ordersPerSecond() < 1) {
                problems.add("hub.polls." + name + ".orders-per-second must be at least 1");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Poll configuration is not usable: " + String.join("; ", problems));
        }
    }

    public PollProperties of(String poll) {
        return polls.getOrDefault(poll, PollProperties.DEFAULTS);
    }
}

package io.carrierhub.poll;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One status poll's settings, {@code hub.polls.<name>}.
 *
 * @param enabled         run the poll
 * @param cron            when it runs: a Quartz cron expression (seconds first), e.g. {@code 0 0/5 * * * ?}
 * @param pageSize        open orders read from the ledger at a time
 * @param ordersPerSecond the pace of a run: the most open orders asked about in any second
 */
public record PollProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 0/5 * * * ?") String cron,
        @DefaultValue("50") int pageSize,
        @DefaultValue("10") int ordersPerSecond) {

    /** The settings of a poll that has none configured. */
    public static final PollProperties DEFAULTS = new PollProperties(true, "0 0/5 * * * ?", 50, 10);
}

package io.carrierhub.poll;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The status polls' shared parts, as routes/status-polls.yaml names them. */
@Configuration(proxyBeanMethods = false)
public class PollConfiguration {

    /** camel-quartz has no starter here: the component is a bean, on the clustered scheduler. */
    @Bean
    QuartzComponent quartz(PollSchedulerProperties properties, DataSource dataSource, ObjectProvider<CamelContext> camelContext) {
        QuartzComponent quartz = new QuartzComponent();
        quartz.setSchedulerFactory(new ClusteredSchedulerFactory(properties, dataSource, camelContext));
        return quartz;
    }

    @Bean
    PollLedger pollLedger(JdbcTemplate jdbc, Clock clock) {
        return new PollLedger(jdbc, clock);
    }

    @Bean
    StatusPolls statusPolls(List<StatusPoll> polls, PollSettings settings, PollLedger pollLedger) {
        return new StatusPolls(polls, settings, pollLedger);
    }
}

package io.carrierhub.poll;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzConstants;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerFactory;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Makes the Quartz scheduler of the status polls, for camel-quartz: Quartz's clustered JDBC job store on the ledger's
 * own connection pool (tables from db/migration), with the delegate of the database. Every scheduler it makes is its
 * own, also when several hubs run in one JVM (as in tests): Quartz would otherwise hand out one scheduler per name.
 */
public class ClusteredSchedulerFactory implements SchedulerFactory {

    private final PollSchedulerProperties properties;
    private final DataSource dataSource;
    private final ObjectProvider<CamelContext> camelContext;
    /** Quartz finds connection providers by name in a JVM-wide registry: one name per hub. */
    private final String dataSourceName = "hub-ledger-" + UUID.randomUUID();

    public ClusteredSchedulerFactory(PollSchedulerProperties properties, DataSource dataSource,
                                     ObjectProvider<CamelContext> camelContext) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.camelContext = camelContext;
    }

    @Override
    public Scheduler getScheduler() throws SchedulerException {
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new LedgerConnections(dataSource));
        Scheduler scheduler = new StdSchedulerFactory(quartzProperties()).getScheduler();
        SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        // camel-quartz's jobs find the CamelContext by its name (usingFixedCamelContextName), the same on every hub
        CamelContext context = camelContext.getObject();
        scheduler.getContext().put(QuartzConstants.QUARTZ_CAMEL_CONTEXT + "-" + context.getName(), context);
        return scheduler;
    }

    @Override
    public Scheduler getScheduler(String schedName) {
        throw new UnsupportedOperationException("the poll scheduler is made, never looked up by name");
    }

    @Override
    public Collection<Scheduler> getAllSchedulers() {
        return List.of();
    }

    Properties quartzProperties() throws SchedulerException {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", properties.name());
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", String.valueOf(properties.threads()));
        quartz.setProperty("org.quartz.threadPool.threadNamePrefix", "poll-" + properties.name());
        quartz.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", delegate().getName());
        quartz.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(properties.clusterCheckinInterval().toMillis()));
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(properties.misfireThreshold().toMillis()));
        return quartz;
    }

    /** PostgreSQL's delegate reads its BYTEA columns; the standard one suits H2. */
    private Class<?> delegate() throws SchedulerException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            return metaData.getDatabaseProductName().toLowerCase().contains("postgres") ? PostgreSQLDelegate.class : StdJDBCDelegate.class;
        } catch (SQLException e) {
            throw new SchedulerException("cannot reach the ledger database for the poll scheduler", e);
        }
    }

    /** Quartz's connections come from the ledger's pool; the pool outlives the scheduler. */
    private record LedgerConnections(DataSource dataSource) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}

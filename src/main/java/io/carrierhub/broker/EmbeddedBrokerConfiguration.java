package io.carrierhub.broker;

import io.carrierhub.carrier.CarrierProperties;
import io.carrierhub.carrier.CarrierSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Artemis inside the hub: persistent journal under {@code hub.broker.data-dir}, an in-VM acceptor for the hub
 * itself and a TCP acceptor for the ERP, one authenticated user. The queues the hub writes for the ERP are made at
 * start; every queue the hub consumes, every carrier's lane (carrier.&lt;name&gt;) included, gets its dead-letter queue.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.broker.embedded", havingValue = "true", matchIfMissing = true)
public class EmbeddedBrokerConfiguration {

    static final String HUB_ROLE = "hub";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBrokerConfiguration.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    EmbeddedActiveMQ embeddedBroker(BrokerProperties broker, CarrierSettings carriers) throws Exception {
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(configuration(broker, carriers));
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(broker.user(), broker.password());
        users.addRole(broker.user(), HUB_ROLE);
        server.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        return server;
    }

    private static Configuration configuration(BrokerProperties broker, CarrierSettings carriers) throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("carrier-hub");
        config.setPersistenceEnabled(true);
        config.setJournalDirectory(broker.dataDir().resolve("journal").toString());
        config.setBindingsDirectory(broker.dataDir().resolve("bindings").toString());
        config.setLargeMessagesDirectory(broker.dataDir().resolve("large-messages").toString());
        config.setPagingDirectory(broker.dataDir().resolve("paging").toString());
        journal(config, broker);
        config.addAcceptorConfiguration("in-vm", "vm://" + broker.inVmId());
        if (broker.tcpAcceptor() != null && !broker.tcpAcceptor().isBlank()) {
            config.addAcceptorConfiguration("tcp", broker.tcpAcceptor());
        }
        config.setSecurityEnabled(true);
        config.putSecurityRoles("#", Set.of(new Role(HUB_ROLE, true, true, true, true, true, true, true, true, true, true)));
        for (String queue : broker.queues()) {
            config.addQueueConfiguration(anycast(queue));
        }
        BrokerProperties.Redelivery redelivery = broker.redelivery();
        List<String> consumed = new ArrayList<>(broker.deadLetterQueues());
        carriers.carriers().keySet().forEach(carrier -> consumed.add(CarrierProperties.queue(carrier)));
        for (String queue : consumed) {
            String deadLetters = "DLQ." + queue;
            config.addQueueConfiguration(anycast(queue));
            config.addQueueConfiguration(anycast(deadLetters));
            config.addAddressSetting(queue, new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(deadLetters))
                    .setMaxDeliveryAttempts(redelivery.maxAttempts())
                    .setRedeliveryDelay(redelivery.delay().toMillis())
                    .setRedeliveryMultiplier(redelivery.multiplier())
                    .setMaxRedeliveryDelay(redelivery.maxDelay().toMillis()));
        }
        LOG.info("Embedded broker redelivery: {} deliveries, waits from {} ms times {} up to {} ms, {} s in all",
                redelivery.maxAttempts(), redelivery.delay().toMillis(), redelivery.multiplier(),
                redelivery.maxDelay().toMillis(), redelivery.rideOut().toSeconds());
        return config;
    }

    /**
     * A production journal: asynchronous I/O where libaio exists, else NIO; writes gathered for one sync per the
     * disk's own sync time, not Artemis's default of 3.3 ms (which caps a durable commit rate near 300/s); and a
     * memory limit beyond which every queue pages to disk, so that a flood never fills the heap. What a queue reads
     * back from its pages for its consumers is in the heap too, bounded here: Artemis's default is twice the page
     * size, 20 MiB a queue, and in a flood four queues page (the orders, a lane, the answers and the events). So are
     * the page each address writes and the page each consumer reads, whole: small pages keep them small.
     */
    private static void journal(ConfigurationImpl config, BrokerProperties broker) {
        JournalType type = AIOSequentialFileFactory.isSupported() ? JournalType.ASYNCIO : JournalType.NIO;
        Duration bufferTimeout = broker.journalBufferTimeout() != null
                ? broker.journalBufferTimeout() : JournalSyncTime.of(broker.dataDir());
        config.setJournalType(type);
        config.setJournalBufferTimeout_AIO((int) bufferTimeout.toNanos());
        config.setJournalBufferTimeout_NIO((int) bufferTimeout.toNanos());
        config.setJournalDatasync(true);
        // the broker dies with the hub: without this a message given again after a crash would not say it was
        // delivered before (JMSRedelivered), which the intake and the lanes need to tell a resumed order from a copy
        config.setPersistDeliveryCountBeforeDelivery(true);
        config.setGlobalMaxSize(broker.globalMaxSize().toBytes());
        int pageRead = (int) broker.pageReadSize().toBytes();
        config.addAddressSetting("#", new AddressSettings().setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setPageSizeBytes((int) broker.pageSize().toBytes())
                .setMaxReadPageBytes(pageRead)
                .setPrefetchPageBytes(pageRead / 2));
        LOG.info("Embedded broker journal: {}, buffer timeout {} µs, pages to disk beyond {} MiB in memory in pages of"
                        + " {} KiB, reads back {} MiB a queue", type, bufferTimeout.toNanos() / 1000,
                broker.globalMaxSize().toMegabytes(), broker.pageSize().toKilobytes(), broker.pageReadSize().toMegabytes());
    }

    private static QueueConfiguration anycast(String name) {
        return QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
    }
}

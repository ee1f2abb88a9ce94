package io.carrierhub;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * The external broker of docker/compose.yaml, in the test's JVM: Artemis started from {@code docker/artemis/broker.xml}
 * itself (its queues, address settings and security settings as written), with only what the container sets
 * otherwise: its directories (under {@code instance}), its acceptor (loopback, on {@code port}) and its one user,
 * who has the role {@code amq} as the image gives ARTEMIS_USER.
 */
final class ComposeBroker implements AutoCloseable {

    static final Path BROKER_XML = Path.of("docker", "artemis", "broker.xml");

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final int port;

    private ComposeBroker(int port) {
        this.port = port;
    }

    static ComposeBroker start(Path instance, int port, String user, String password) throws Exception {
        FileConfiguration configuration = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(BROKER_XML.toAbsolutePath().toUri().toString());
        deployment.addDeployable(configuration);
        deployment.readConfiguration();
        configuration.setBrokerInstance(instance.toFile()); // broker.xml's data/... directories resolve under it
        configuration.clearAcceptorConfigurations();
        configuration.addAcceptorConfiguration("artemis", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        SecurityConfiguration users = new SecurityConfiguration(Map.of(user, password), Map.of(user, List.of("amq")));
        ComposeBroker broker = new ComposeBroker(port);
        broker.server.setConfiguration(configuration);
        broker.server.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        broker.server.start();
        return broker;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Messages on the queue, those being delivered and those scheduled for later included; 0 for a queue never made. */
    long messages(String queue) {
        Queue found = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

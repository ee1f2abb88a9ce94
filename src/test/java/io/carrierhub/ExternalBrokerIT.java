package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

/** A hub on someone else's broker, by configuration only: here the broker of another hub, over TCP with a password. */
class ExternalBrokerIT {

    @TempDir
    Path brokerHost;
    @TempDir
    Path client;

    @Test
    void aHubWithoutItsOwnBrokerWorksThroughAnExternalOne() throws Exception {
        try (ConfigurableApplicationContext broker = new SpringApplicationBuilder(HubApplication.class).profiles("test").run(
                "--hub.data-dir=" + brokerHost, "--hub.broker.in-vm-id=8", "--hub.broker.tcp-acceptor=tcp://127.0.0.1:61718",
                "--hub.broker.password=s3cret", "--hub.sandbox.bring-shipment.enabled=false", "--hub.sandbox.drivoo.port=0", "--hub.sandbox.bring-po.port=0", "--hub.sandbox.bringg.tls-port=0",
                "--hub.carriers.bring-shipment.base-url=http://bring.invalid/shipment")) {
            broker.getBean(CamelContext.class).getRouteController().stopAllRoutes();   // a broker host only

            try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).profiles("test").run(
                    "--hub.data-dir=" + client, "--hub.broker.embedded=false",
                    "--spring.artemis.broker-url=tcp://127.0.0.1:61718", "--hub.broker.password=s3cret",
                    "--hub.sandbox.bring-shipment.port=28092", "--hub.sandbox.drivoo.port=0", "--hub.sandbox.bring-po.port=0", "--hub.sandbox.bringg.tls-port=0")) {
                assertThat(hub.getBeansOfType(EmbeddedActiveMQ.class)).as("no broker of its own, not even Spring Boot's").isEmpty();
                ErpClient erp = new ErpClient(broker.getBean(JmsTemplate.class), 30_000);

                String correlationId = erp.send(ErpClient.sample("shipment-create.xml", "EXT-1"), null);

                assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("<orderId>EXT-1</orderId>", "ACCEPTED");
            }
        }
    }
}

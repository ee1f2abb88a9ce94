package io.carrierhub;

import io.carrierhub.bring.shipment.sandbox.BringShipmentSandbox;
import io.carrierhub.bring.shipment.sandbox.BringShipmentSandboxProperties;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A second Bring Shipment sandbox, on {@code hub.test.second-bring-port}, for the tests' second carrier {@code bring-shipment-b}
 * (application-test.yaml): a lane of its own that keeps working while the first carrier is down.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SecondBringLane {

    static final String CARRIER = "bring-shipment-b";

    /** On {@code hub.test.second-bring-port}: 0 in the tests with a hub of their own, apart from the shared one. */
    @Bean(autowireCandidate = false)
    BringShipmentSandbox secondBringSandbox(BringShipmentSandboxProperties first,
                                            @Value("${hub.test.second-bring-port}") int port) {
        return new BringShipmentSandbox(new BringShipmentSandboxProperties(true, port, first.apiUid(), first.apiKey(),
                0.0, Duration.ZERO, false));
    }
}

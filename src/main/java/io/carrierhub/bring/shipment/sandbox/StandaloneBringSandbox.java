package io.carrierhub.bring.shipment.sandbox;

import io.carrierhub.sandbox.StandaloneSandbox;

/**
 * The Bring Shipment sandbox alone, in a JVM of its own ({@link StandaloneSandbox}); its settings are the embedded
 * defaults but the port.
 * <pre>
 * java -Dloader.main=io.carrierhub.bring.shipment.sandbox.StandaloneBringSandbox \
 *      -cp target/carrier-hub-*.jar org.springframework.boot.loader.launch.PropertiesLauncher PORT
 * </pre>
 */
public final class StandaloneBringSandbox {

    private StandaloneBringSandbox() {
    }

    public static void main(String[] args) throws InterruptedException {
        StandaloneSandbox.serve(new BringShipmentSandbox(StandaloneSandbox.settings(BringShipmentSandbox.NAME,
                BringShipmentSandboxProperties.class, StandaloneSandbox.port(args, 18091))));
    }
}

package io.carrierhub.bring.shipment.sandbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The Bring Shipment sandbox alone, in a JVM of its own, as the real carrier is remote: for benchmarks and for tests
 * that kill the hub and must still count what the carrier received. Its settings are the embedded defaults but the
 * port.
 * <pre>
 * java -Dloader.main=io.carrierhub.bring.shipment.sandbox.StandaloneBringSandbox \
 *      -cp target/carrier-hub-*.jar org.springframework.boot.loader.launch.PropertiesLauncher PORT
 * </pre>
 */
public final class StandaloneBringSandbox {

    private StandaloneBringSandbox() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18091;
        BringShipmentSandbox sandbox = new BringShipmentSandbox(new BringShipmentSandboxProperties(true, port,
                "sandbox@carrierhub.local", "sandbox-key", 0.0, Duration.ZERO, true));
        sandbox.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            stopped.countDown();
        }));
        stopped.await();
    }
}

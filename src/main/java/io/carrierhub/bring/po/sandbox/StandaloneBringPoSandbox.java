package io.carrierhub.bring.po.sandbox;

import io.carrierhub.sandbox.StandaloneSandbox;

/**
 * The Bring Purchase Order sandbox alone, in a JVM of its own ({@link StandaloneSandbox}); its settings are the
 * embedded defaults but the port.
 * <pre>
 * java -Dloader.main=io.carrierhub.bring.po.sandbox.StandaloneBringPoSandbox \
 *      -cp target/carrier-hub-*.jar org.springframework.boot.loader.launch.PropertiesLauncher PORT
 * </pre>
 */
public final class StandaloneBringPoSandbox {

    private StandaloneBringPoSandbox() {
    }

    public static void main(String[] args) throws InterruptedException {
        StandaloneSandbox.serve(new BringPoSandbox(StandaloneSandbox.settings(BringPoSandbox.NAME,
                BringPoSandboxProperties.class, StandaloneSandbox.port(args, 18093))));
    }
}

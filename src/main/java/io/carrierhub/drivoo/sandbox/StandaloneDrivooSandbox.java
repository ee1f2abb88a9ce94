package io.carrierhub.drivoo.sandbox;

import io.carrierhub.sandbox.StandaloneSandbox;

/**
 * The Drivoo sandbox alone, in a JVM of its own ({@link StandaloneSandbox}); its settings are the embedded defaults
 * but the port.
 * <pre>
 * java -Dloader.main=io.carrierhub.drivoo.sandbox.StandaloneDrivooSandbox \
 *      -cp target/carrier-hub-*.jar org.springframework.boot.loader.launch.PropertiesLauncher PORT
 * </pre>
 */
public final class StandaloneDrivooSandbox {

    private StandaloneDrivooSandbox() {
    }

    public static void main(String[] args) throws InterruptedException {
        StandaloneSandbox.serve(new DrivooSandbox(StandaloneSandbox.settings(DrivooSandbox.NAME,
                DrivooSandboxProperties.class, StandaloneSandbox.port(args, 18094))));
    }
}

package io.carrierhub.sandbox;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A sandbox alone, in a JVM of its own, as the real carrier is remote: for benchmarks and for scripts that kill the
 * hub and must still count what the carrier received. Each carrier's launcher ({@code Standalone...Sandbox}) builds
 * its sandbox with {@link #settings} and hands it to {@link #serve}.
 */
public final class StandaloneSandbox {

    private StandaloneSandbox() {
    }

    /** The port given as the launcher's first argument, else {@code defaultPort}. */
    public static int port(String[] args, int defaultPort) {
        return args.length > 0 ? Integer.parseInt(args[0]) : defaultPort;
    }

    /**
     * The settings of {@code hub.sandbox.<name>}: their defaults (the properties class's, as the hub binds them when
     * application.yaml leaves them out), but the port.
     */
    public static <T> T settings(String name, Class<T> type, int port) {
        String prefix = "hub.sandbox." + name;
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(prefix + ".port", port)));
        return binder.bindOrCreate(prefix, Bindable.of(type));
    }

    /** Starts the sandbox and keeps the JVM running until it is stopped (SIGTERM, Ctrl-C), then stops the sandbox. */
    public static void serve(SandboxServer sandbox) throws InterruptedException {
        sandbox.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            stopped.countDown();
        }));
        stopped.await();
    }
}

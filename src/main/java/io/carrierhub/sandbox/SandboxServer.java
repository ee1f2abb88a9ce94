package io.carrierhub.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * An offline carrier on 127.0.0.1: the carrier's {@link CarrierApi} behind shared fault injection and a record of
 * the requests, with the control API under {@code /_sandbox/} on the same port. Started and stopped with the
 * Spring context, or by hand in tests.
 */
public class SandboxServer implements SmartLifecycle, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final int THREADS = 8;
    // below Camel's phase: listening before the routes call it, still listening while they drain on shutdown
    private static final int PHASE = DEFAULT_PHASE - 4096;

    private final String name;
    private final int configuredPort;
    private final CarrierApi api;
    private final FaultInjection faults;
    private final RequestLog requests = new RequestLog();
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param name   the sandbox's name, as in {@code hub.sandbox.<name>}
     * @param port   its port on 127.0.0.1 (0: any free port)
     * @param faults its faults, starting as configured
     * @param api    the carrier's API
     */
    public SandboxServer(String name, int port, FaultInjection faults, CarrierApi api) {
        this.name = name;
        this.configuredPort = port;
        this.faults = faults;
        this.api = api;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        // without TCP_NODELAY the JDK server's answer waits ~40 ms for the client's delayed ACK (Nagle)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", configuredPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the " + name + " sandbox cannot listen on 127.0.0.1:" + configuredPort, e);
        }
        executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new CarrierRequests(name, api, faults, requests));
        server.createContext(ControlApi.PREFIX, new ControlApi(this, api));
        server.start();
        LOG.info("The {} sandbox is listening on {}, its control API on {}{}", name, address(), address(), ControlApi.PREFIX);
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        LOG.info("The {} sandbox stopped", name);
    }

    /**
     * Stops it when its context is destroyed without having been stopped: a context whose start failed after the
     * sandboxes started (Camel's routes could not start) only destroys its beans, and the JDK server's dispatcher
     * thread, not a daemon, would keep the JVM from exiting.
     */
    @Override
    public void destroy() {
        stop();
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    public String name() {
        return name;
    }

    /** The port it listens on: the configured one, or the one picked for port 0. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the " + name + " sandbox is not running");
        }
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, where the carrier's paths and {@code /_sandbox/} start. */
    public String address() {
        return "http://127.0.0.1:" + port();
    }

    public FaultInjection faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    /** Restores the configured faults, forgets the requests, and lets the carrier forget its state. */
    public void reset() {
        faults.reset();
        requests.clear();
        api.reset();
    }

    private ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

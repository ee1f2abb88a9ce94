package io.carrierhub.bring.shipment.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.carrierhub.bring.shipment.BringShipmentCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * An offline Bring Shipment API on 127.0.0.1: {@code POST /shipment/sendshipment} and {@code /shipment/sendbooking}
 * as Bring documents them, with faults to inject and the accepted shipments to inspect. Started and stopped with
 * the Spring context, or by hand in tests.
 * <p>
 * Answers: 200 OK_CONFIRMED with the shipment id and the package ids in package order; 400 VALIDATION_ERROR with
 * every violation of the contract or of Bring's rules; 417 FORBIDDEN for missing or unknown Mybring credentials;
 * 500 ERROR. Beyond Bring's documented codes, mistakes in the HTTP request itself get their HTTP status (404, 405,
 * 406 for an Accept, 415 for a Content-Type that is not application/json or application/xml, 400 for the query
 * parameters), each with a CreateShipmentResponse of Status ERROR. The order of the checks is in
 * {@link ShipmentApiHandler}.
 */
public class BringShipmentSandbox implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BringShipmentSandbox.class);
    private static final int THREADS = 4;
    // below Camel's phase: listening before the routes call it, still listening while they drain on shutdown
    private static final int PHASE = DEFAULT_PHASE - 4096;

    private final BringShipmentSandboxProperties settings;
    private final FaultInjection faults;
    private final SandboxShipments shipments = new SandboxShipments();
    private final AtomicLong requests = new AtomicLong();
    private final ShipmentApiHandler handler;
    private HttpServer server;
    private ExecutorService executor;

    public BringShipmentSandbox(BringShipmentSandboxProperties settings) {
        this.settings = settings;
        this.faults = new FaultInjection(settings.failureRate(), settings.latency());
        ShipmentRules rules = new ShipmentRules(settings.rejectPastDates(), Clock.systemDefaultZone());
        this.handler = new ShipmentApiHandler(settings, new BringShipmentCodec(), rules, shipments, faults, requests);
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        // without TCP_NODELAY the JDK server's answer waits ~40 ms for the client's delayed ACK (Nagle)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the Bring Shipment sandbox cannot listen on 127.0.0.1:" + settings.port(), e);
        }
        executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        LOG.info("Bring Shipment sandbox listening on {}", baseUrl());
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        LOG.info("Bring Shipment sandbox stopped");
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The port it listens on: the configured one, or the one picked for port 0. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the Bring Shipment sandbox is not running");
        }
        return server.getAddress().getPort();
    }

    /** Where the API lives, as the hub's base URL names it: {@code http://127.0.0.1:<port>/shipment}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/shipment";
    }

    public FaultInjection faults() {
        return faults;
    }

    /** Requests received since the start or the last {@link #reset()}, answered or not. */
    public long requestCount() {
        return requests.get();
    }

    /** The requests answered OK_CONFIRMED, in the order they came. */
    public List<AcceptedShipment> shipments() {
        return shipments.accepted();
    }

    /** The last accepted state of a shipment that exists and is not deleted. */
    public Optional<AcceptedShipment> activeShipment(String shipmentId) {
        return shipments.active(shipmentId);
    }

    /** Forgets requests and shipments, and restores the configured faults. */
    public void reset() {
        requests.set(0);
        shipments.clear();
        faults.reset();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "bring-shipment-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

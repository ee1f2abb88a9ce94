package io.carrierhub.bringg.sandbox;

import io.carrierhub.sandbox.FaultInjection;
import io.carrierhub.sandbox.SandboxServer;
import java.time.Clock;

/**
 * An offline Bringg fleet API on 127.0.0.1 ({@link FleetApiHandler}) with the kit's faults, record and control API:
 * each task's call sequence, violations and location gaps at {@code GET /_sandbox/bringg/deliveries}, its tokens at
 * {@code /tokens}, the webhooks it sent at {@code /webhooks}; actions {@code revoke-tokens},
 * {@code token-lifetime?seconds=N}, {@code task[?id=N]} (a task handed over by the caller), {@code play} (a new task
 * sent to the hub as Delivery Created: the demo) and {@code send?event=E&task=N}. Its TLS side, when
 * {@code tls-port} is set, serves the same API over HTTPS with only the configured cipher suites.
 */
public class BringgSandbox extends SandboxServer {

    public static final String NAME = "bringg";

    private final BringgSandboxProperties settings;
    private final FleetApiHandler api;
    private SandboxTls tls;

    public BringgSandbox(BringgSandboxProperties settings) {
        this(settings, Clock.systemUTC());
    }

    public BringgSandbox(BringgSandboxProperties settings, Clock clock) {
        this(settings, new FleetApiHandler(settings, clock, new SandboxTasks(clock),
                new WebhookSender(settings.webhookUrl(), settings.webhookKey(), settings.webhookRetryDelay())));
    }

    private BringgSandbox(BringgSandboxProperties settings, FleetApiHandler api) {
        super(NAME, settings.port(), new FaultInjection(settings.failureRate(), settings.latency()), api);
        this.settings = settings;
        this.api = api;
    }

    @Override
    public synchronized void start() {
        super.start();
        if (settings.tlsPort() != null && tls == null) {
            tls = new SandboxTls(settings.tlsPort(), settings.tlsCipherSuites(), api);
        }
    }

    @Override
    public synchronized void stop() {
        if (tls != null) {
            tls.stop();
            tls = null;
        }
        super.stop();
    }

    /** {@code https://localhost:<port>} of the TLS side. */
    public synchronized String tlsAddress() {
        if (tls == null) {
            throw new IllegalStateException("the Bringg sandbox has no TLS side (hub.sandbox.bringg.tls-port)");
        }
        return "https://localhost:" + tls.port();
    }
}

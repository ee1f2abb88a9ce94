package io.carrierhub.ops;

import io.carrierhub.order.OrderMessage;
import io.carrierhub.order.model.TmsEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.apache.camel.Exchange;

/**
 * The hub's own counters and timers, counted where the routes say (Prometheus names in brackets):
 * orders by outcome ({@code hub_orders_total{carrier,action,outcome}}), carrier calls
 * ({@code hub_carrier_call_seconds{carrier,status}}) and TMS events ({@code hub_tms_events_total{carrier,status}}).
 * The gauges are {@link HubGauges}.
 */
public class HubMetrics {

    static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;

    public HubMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The outcome of the order message being handled: accepted, rejected or repeated (a copy answered from the ledger). */
    public void order(Exchange exchange, String outcome) {
        OrderMessage order = exchange.getProperty("hubOrder", OrderMessage.class);
        Counter.builder("hub.orders")
                .description("Order messages by carrier, action and outcome")
                .tag("carrier", order == null ? UNKNOWN : order.carrier())
                .tag("action", order == null ? UNKNOWN : order.action().value().toLowerCase())
                .tag("outcome", outcome)
                .register(registry).increment();
    }

    /** One call to a carrier: its HTTP status, or {@code no-answer} (timeout, connection refused). */
    public void carrierCall(String carrier, String status, Duration duration) {
        Timer.builder("hub.carrier.call")
                .description("Calls to carriers by HTTP status")
                .tag("carrier", carrier)
                .tag("status", status)
                .register(registry).record(duration);
    }

    public void tmsEvent(TmsEvent event) {
        Counter.builder("hub.tms.events")
                .description("TMS events sent to the ERP by carrier and event type")
                .tag("carrier", event.getCarrier())
                .tag("status", event.getEventType().value())
                .register(registry).increment();
    }
}

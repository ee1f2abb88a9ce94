package io.carrierhub.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.engine.DefaultUnitOfWorkFactory;
import org.apache.camel.impl.engine.MDCUnitOfWork;
import org.apache.camel.spi.UnitOfWork;
import org.slf4j.MDC;

/**
 * Camel's MDC logging ({@code camel.main.use-mdc-logging}) with the hub's own keys: {@code orderId}, {@code carrier}
 * and {@code correlationId} on every line logged while an order is handled, from the exchange properties the routes
 * set ({@code hubOrderId}, {@code hubCarrier}, {@code hubCorrelationId}). Structured logs carry them as fields.
 */
public class HubMdc extends DefaultUnitOfWorkFactory {

    static final String ORDER_ID = "orderId";
    static final String CARRIER = "carrier";
    static final String CORRELATION_ID = "correlationId";

    @Override
    public UnitOfWork createUnitOfWork(Exchange exchange) {
        CamelContext camel = exchange.getContext();
        return Boolean.TRUE.equals(camel.isUseMDCLogging()) ? new OrderUnitOfWork(exchange, camel) : super.createUnitOfWork(exchange);
    }

    private static final class OrderUnitOfWork extends MDCUnitOfWork {

        private final CamelContext camel;

        OrderUnitOfWork(Exchange exchange, CamelContext camel) {
            super(exchange, camel.getInflightRepository(), camel.getMDCLoggingKeysPattern(),
                    camel.isAllowUseOriginalMessage(), camel.isUseBreadcrumb());
            this.camel = camel;
        }

        @Override
        public UnitOfWork newInstance(Exchange exchange) {
            return new OrderUnitOfWork(exchange, camel);
        }

        @Override
        protected void prepareMDC(Exchange exchange) {
            super.prepareMDC(exchange);
            put(ORDER_ID, exchange.getProperty("hubOrderId", String.class));
            put(CARRIER, exchange.getProperty("hubCarrier", String.class));
            put(CORRELATION_ID, exchange.getProperty("hubCorrelationId", String.class));
        }

        @Override
        public void clear() {
            super.clear();
            MDC.remove(ORDER_ID);
            MDC.remove(CARRIER);
            MDC.remove(CORRELATION_ID);
        }

        private static void put(String key, String value) {
            if (value != null && !value.isBlank()) {
                MDC.put(key, value);
            }
        }
    }
}

package io.carrierhub.order;

import org.apache.camel.ExchangeProperty;

/**
 * What the routes know an order message by, read from the message the intake or a lane read (exchange property
 * {@code hubOrder}): bean calls bound once, where an OGNL chain in a simple expression is resolved at every message.
 */
public class OrderKeys {

    public String orderId(@ExchangeProperty("hubOrder") OrderMessage message) {
        return message.orderId();
    }

    public String carrier(@ExchangeProperty("hubOrder") OrderMessage message) {
        return message.carrier();
    }

    public String idempotencyKey(@ExchangeProperty("hubOrder") OrderMessage message) {
        return message.idempotencyKey();
    }
}

package io.carrierhub.order;

import io.carrierhub.order.model.Action;
import io.carrierhub.order.model.CancelOrder;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.TransportOrder;

/**
 * A message from the ERP, read and valid: a create or update with its {@link Order}, a cancel, or a transport order
 * (packing list) of an order booked before.
 *
 * @param idempotencyKey what makes two deliveries the same message: order id and action, and for an
 *                       update also its content, so that a later, different update is not taken for a copy
 * @param body           the message as the ERP sent it: what travels on the lane and what the ledger keeps
 */
public record OrderMessage(Action action, Order order, CancelOrder cancel, TransportOrder transportOrder,
        MessageFormat format, String idempotencyKey, byte[] body) {

    public String orderId() {
        return order != null ? order.getOrderId() : cancel != null ? cancel.getOrderId() : transportOrder.getOrderId();
    }

    public String carrier() {
        return order != null ? order.getCarrier() : cancel != null ? cancel.getCarrier() : transportOrder.getCarrier();
    }
}

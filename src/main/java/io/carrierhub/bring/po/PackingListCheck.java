package io.carrierhub.bring.po;

import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.OrderItem;
import io.carrierhub.order.model.OrderLine;
import io.carrierhub.order.model.PackingLine;
import io.carrierhub.order.model.TransportOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A packing list held to the purchase order it ships, as the ledger keeps it, before Bring sees it: each line names
 * an order line and article line of the order, and ships no negative quantity and no more than was ordered.
 */
final class PackingListCheck {

    private PackingListCheck() {
    }

    static void check(Order purchaseOrder, TransportOrder transport) {
        List<String> problems = new ArrayList<>();
        for (PackingLine line : transport.getPackingLine()) {
            String where = "orderLine " + line.getLineId() + " article line " + line.getArticleLineId();
            Optional<OrderItem> item = item(purchaseOrder, line);
            if (item.isEmpty()) {
                problems.add(where + " is not on purchase order " + purchaseOrder.getOrderId());
            } else if (line.getQuantity().signum() < 0) {
                problems.add(where + ": negative quantity " + line.getQuantity());
            } else if (line.getQuantity().compareTo(item.get().getQuantity()) > 0) {
                problems.add(where + ": quantity " + line.getQuantity().toPlainString() + " is more than the "
                        + item.get().getQuantity().toPlainString() + " ordered");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidMessageException("PACKING_LIST_MISMATCH", "the transport order does not match purchase order "
                    + purchaseOrder.getOrderId() + ": " + String.join("; ", problems));
        }
    }

    private static Optional<OrderItem> item(Order order, PackingLine line) {
        return order.getOrderLine().stream().filter(orderLine -> orderLine.getLineId().equals(line.getLineId()))
                .map(OrderLine::getItem).flatMap(List::stream)
                .filter(item -> item.getArticleLineId().equals(line.getArticleLineId())).findFirst();
    }
}

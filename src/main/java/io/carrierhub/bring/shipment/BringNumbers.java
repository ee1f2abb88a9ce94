package io.carrierhub.bring.shipment;

import io.carrierhub.ledger.Allotments;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.Package;
import io.carrierhub.order.model.References;
import java.util.List;

/**
 * Shipment and package numbers from the ranges Bring allotted to the customer (hub.carriers.&lt;carrier&gt;.shipment-numbers
 * and package-numbers), for what the ERP did not number itself. An order keeps its numbers across all its attempts.
 */
public final class BringNumbers {

    private static final int SHIPMENT_SERIAL_DIGITS = 16;
    private static final int PACKAGE_SERIAL_DIGITS = 17;

    private final String carrier;
    private final BringShipmentProperties properties;
    private final Allotments allotments;

    BringNumbers(String carrier, BringShipmentProperties properties, Allotments allotments) {
        this.carrier = carrier;
        this.properties = properties;
        this.allotments = allotments;
    }

    /** Numbers the order's shipment and packages where a range is configured and the ERP gave no number. */
    void number(Order order) {
        Allotments.Range shipments = properties.shipmentNumbers();
        if (shipments != null && (order.getReferences() == null || order.getReferences().getShipmentId() == null)) {
            if (order.getReferences() == null) {
                order.setReferences(new References());
            }
            long serial = allotments.serials(order.getOrderId(), series("shipments", shipments), shipments, 1).get(0);
            order.getReferences().setShipmentId(Gs1CheckDigit.append(serial, SHIPMENT_SERIAL_DIGITS));
        }
        Allotments.Range packages = properties.packageNumbers();
        List<Package> unnumbered = order.getGoodsItem().stream().flatMap(item -> item.getPackage().stream())
                .filter(pack -> pack.getPackageId() == null).toList();
        if (packages != null && !unnumbered.isEmpty()) {
            List<Long> serials = allotments.serials(order.getOrderId(), series("packages", packages), packages, unnumbered.size());
            for (int i = 0; i < unnumbered.size(); i++) {
                unnumbered.get(i).setPackageId(Gs1CheckDigit.append(serials.get(i), PACKAGE_SERIAL_DIGITS));
            }
        }
    }

    /** One series per carrier, kind and range: a newly allotted range starts at its own first number. */
    private String series(String kind, Allotments.Range range) {
        return carrier + ":" + kind + ":" + range.first();
    }
}

package io.carrierhub.bring.shipment;

import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.ledger.LedgerEntry;
import io.carrierhub.ledger.LedgerStatus;
import io.carrierhub.ledger.OrderLedger;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.MessageFormat;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.OrderMessage;
import io.carrierhub.order.model.Action;
import io.carrierhub.order.model.BookingType;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.Package;
import io.carrierhub.order.model.References;
import io.carrierhub.xml.XmlDates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the bring-shipment route asks of Java: the request for an order message (with the ids the ledger holds
 * for updates and cancels), its bytes, and the carrier references in Bring's answer.
 */
public class BringShipmentCalls {

    static final String SHIPMENT = "SHIPMENT";
    static final String PACKAGE = "PACKAGE";

    private final BringShipmentMapper mapper;
    private final BringShipmentCodec codec;
    private final OrderLedger ledger;
    private final OrderCodec orders;
    private final BringShipmentProperties properties;
    private final Clock clock;

    public BringShipmentCalls(BringShipmentMapper mapper, BringShipmentCodec codec, OrderLedger ledger, OrderCodec orders,
                              BringShipmentProperties properties, Clock clock) {
        this.mapper = mapper;
        this.codec = codec;
        this.ledger = ledger;
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
    }

    /** A create is Bring's Original; an update or cancel (Update, Delete) names the shipment Bring accepted before. */
    public BringShipmentCall prepare(OrderMessage message) {
        if (message.action() == Action.CREATE) {
            return call(message.order(), "Original");
        }
        LedgerEntry accepted = ledger.find(message.orderId())
                .filter(entry -> entry.reference(SHIPMENT).isPresent() && entry.status() != LedgerStatus.CANCELLED)
                .orElseThrow(() -> new InvalidMessageException("UNKNOWN_ORDER", "order " + message.orderId()
                        + " has no shipment at Bring to " + message.action().value().toLowerCase()));
        Order order = message.action() == Action.UPDATE ? message.order() : orders.readOrder(accepted.orderDocument());
        withCarrierIds(order, accepted);
        return call(order, message.action() == Action.UPDATE ? "Update" : "Delete");
    }

    public byte[] write(BringShipmentCall call) {
        return codec.writeRequest(call.request(), call.json());
    }

    /** The ids in Bring's answer: the shipment first, then the packages in order. */
    public List<CarrierReference> references(byte[] body, String contentType) {
        MessageFormat format = MessageFormat.ofContentType(contentType);
        boolean json = format != null ? format == MessageFormat.JSON : properties.json();
        BringShipmentMapper.Result result = mapper.toResult(codec.readResponse(body, json));
        if (!result.ok()) {
            throw new CarrierRejectedException("CARRIER_VALIDATION", "Bring Shipment answered " + result.status()
                    + (result.errors() != null ? ": " + result.errors() : ""));
        }
        List<CarrierReference> references = new ArrayList<>();
        if (result.shipmentId() != null) {
            references.add(CarrierReferences.of(SHIPMENT, result.shipmentId()));
        }
        result.packageIds().forEach(id -> references.add(CarrierReferences.of(PACKAGE, id)));
        return references;
    }

    private BringShipmentCall call(Order order, String updateIndicator) {
        boolean original = updateIndicator.equals("Original");
        boolean hasShipmentId = order.getReferences() != null && order.getReferences().getShipmentId() != null;
        boolean hasPackageIds = packages(order).stream().allMatch(pkg -> pkg.getPackageId() != null);
        String endpoint = order.getService().getBookingType() == BookingType.BOOKING ? "sendbooking" : "sendshipment";
        return new BringShipmentCall(mapper.toRequest(order, updateIndicator, XmlDates.now(clock)), endpoint,
                original && properties.createShipmentId() && !hasShipmentId,
                original && properties.createPackageIds() && !hasPackageIds,
                properties.json());
    }

    /** Puts Bring's shipment number, and its package numbers where the packages are the same in number, on the order. */
    private static void withCarrierIds(Order order, LedgerEntry accepted) {
        if (order.getReferences() == null) {
            order.setReferences(new References());
        }
        if (order.getReferences().getShipmentId() == null) {
            order.getReferences().setShipmentId(accepted.reference(SHIPMENT).orElseThrow());
        }
        List<String> packageIds = accepted.references().stream()
                .filter(ref -> ref.getType().equals(PACKAGE)).map(CarrierReference::getValue).toList();
        List<Package> packages = packages(order);
        if (packageIds.size() == packages.size()) {
            for (int i = 0; i < packages.size(); i++) {
                if (packages.get(i).getPackageId() == null) {
                    packages.get(i).setPackageId(packageIds.get(i));
                }
            }
        }
    }

    private static List<Package> packages(Order order) {
        return order.getGoodsItem().stream().flatMap(item -> item.getPackage().stream()).toList();
    }
}

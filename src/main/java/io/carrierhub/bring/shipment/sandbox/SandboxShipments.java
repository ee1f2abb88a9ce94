package io.carrierhub.bring.shipment.sandbox;

import io.carrierhub.bring.shipment.model.BringGoodsItem;
import io.carrierhub.bring.shipment.model.BringPackage;
import io.carrierhub.bring.shipment.model.BringShipment;
import io.carrierhub.bring.shipment.model.BringUpdateIndicator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the sandbox holds: the active shipments by id, and every accepted request in arrival order.
 * An Original creates a shipment, Update and Replace change an active one, Delete ends it.
 */
final class SandboxShipments {

    private final Gs1Numbers numbers = new Gs1Numbers();
    private final Map<String, AcceptedShipment> active = new HashMap<>();
    private final List<AcceptedShipment> accepted = new ArrayList<>();
    private final Map<String, Instant> bookedAt = new HashMap<>();
    /** The active shipments' ids and package ids, each to its shipment's id: what a tracking query may name. */
    private final Map<String, String> trackedBy = new HashMap<>();
    private final Clock clock;

    SandboxShipments(Clock clock) {
        this.clock = clock;
    }

    /** Applies a valid request, assigning the ids it asks for. */
    synchronized AcceptedShipment accept(SandboxCall call) {
        BringShipment shipment = call.request().getShipment();
        BringUpdateIndicator indicator = shipment.getUpdateIndicator();
        String shipmentId = indicator == BringUpdateIndicator.ORIGINAL ? create(call) : existing(call);
        List<String> packageIds = indicator == BringUpdateIndicator.DELETE
                ? active.get(shipmentId).packageIds()
                : packageIds(call);
        AcceptedShipment result = new AcceptedShipment(call.root(), indicator,
                shipment.getShipmentHeaders().getSendersReference(), shipmentId, packageIds,
                call.contentType(), call.clientUrl(), call.request());
        AcceptedShipment before = active.get(shipmentId);
        if (before != null) {
            before.packageIds().forEach(packageId -> trackedBy.remove(packageId, shipmentId));
        }
        if (indicator == BringUpdateIndicator.DELETE) {
            active.remove(shipmentId);
            bookedAt.remove(shipmentId);
            trackedBy.remove(shipmentId, shipmentId);
        } else {
            bookedAt.putIfAbsent(shipmentId, clock.instant());
            active.put(shipmentId, result);
            trackedBy.put(shipmentId, shipmentId);
            packageIds.forEach(packageId -> trackedBy.putIfAbsent(packageId, shipmentId));
        }
        accepted.add(result);
        return result;
    }

    synchronized List<AcceptedShipment> accepted() {
        return List.copyOf(accepted);
    }

    synchronized Optional<AcceptedShipment> active(String shipmentId) {
        return Optional.ofNullable(active.get(shipmentId));
    }

    /**
     * The active shipment with this shipment id or package id, and when it was booked. Looked up, not searched: the
     * lock it holds is the one bookings wait for (with a search of every active shipment at each tracking query, the
     * bookings' p99 grew from 7 to 47 ms by minute as a 10-minute soak booked 95,000, 2026-12-07).
     */
    synchronized Optional<Booked> booked(String shipmentOrPackageId) {
        return Optional.ofNullable(trackedBy.get(shipmentOrPackageId)).map(active::get)
                .map(shipment -> new Booked(shipment, bookedAt.get(shipment.shipmentId())));
    }

    synchronized void clear() {
        trackedBy.clear();
        bookedAt.clear();
        active.clear();
        accepted.clear();
    }

    private String create(SandboxCall call) {
        if (call.createShipmentId()) {
            String assigned;
            do {
                assigned = numbers.shipmentId();
            } while (active.containsKey(assigned));
            return assigned;
        }
        String given = call.request().getShipment().getShipmentHeaders().getShipmentId();
        if (active.containsKey(given)) {
            throw Rejection.validation("Shipment " + given + " exists already: change it with updateIndicator Update,"
                    + " Replace or Delete, or send a new shipmentId");
        }
        return given;
    }

    private String existing(SandboxCall call) {
        BringShipment shipment = call.request().getShipment();
        String given = shipment.getShipmentHeaders().getShipmentId();
        if (!active.containsKey(given)) {
            throw Rejection.validation("Unknown shipment " + given + ": updateIndicator " + shipment.getUpdateIndicator().value()
                    + " needs a shipment created with updateIndicator Original and not deleted");
        }
        return given;
    }

    private List<String> packageIds(SandboxCall call) {
        Function<BringPackage, String> packageId = call.createPackageIds() ? pack -> numbers.packageId() : BringPackage::getPackageId;
        return call.request().getShipment().getGoodsItem().stream()
                .map(BringGoodsItem::getPackage)
                .flatMap(List::stream)
                .map(packageId)
                .toList();
    }

    /** A shipment as it stands, and when its Original was accepted. */
    record Booked(AcceptedShipment shipment, Instant at) {
    }
}

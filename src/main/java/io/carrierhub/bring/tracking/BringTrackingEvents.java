package io.carrierhub.bring.tracking;

import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.poll.OpenOrder;
import io.carrierhub.poll.StatusPoll;
import io.carrierhub.xml.XmlDates;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Bring's tracking events as TMS events of the order contract: the event type mapped from Bring's status (the table
 * in docs/carriers/bring-shipment.md), Bring's status in carrierStatus, its description and place in the note.
 */
final class BringTrackingEvents {

    private static final Map<String, EventType> TYPES = Map.ofEntries(
            Map.entry("PRE_NOTIFIED", EventType.CREATED),
            Map.entry("HANDED_IN", EventType.PICKED_UP),
            Map.entry("COLLECTED", EventType.PICKED_UP),
            Map.entry("IN_TRANSIT", EventType.IN_TRANSIT),
            Map.entry("TERMINAL", EventType.IN_TRANSIT),
            Map.entry("INTERNATIONAL", EventType.IN_TRANSIT),
            Map.entry("CUSTOMS", EventType.IN_TRANSIT),
            Map.entry("TRANSPORT_TO_RECIPIENT", EventType.IN_TRANSIT),
            Map.entry("NOTIFICATION_SENT", EventType.IN_TRANSIT),
            Map.entry("DELIVERY_ORDERED", EventType.IN_TRANSIT),
            Map.entry("DELIVERY_CHANGED", EventType.IN_TRANSIT),
            Map.entry("READY_FOR_PICKUP", EventType.ARRIVED),
            Map.entry("ATTEMPTED_DELIVERY", EventType.DEVIATION),
            Map.entry("DELIVERY_CANCELLED", EventType.DEVIATION),
            Map.entry("DEVIATION", EventType.DEVIATION),
            Map.entry("DELIVERED", EventType.DELIVERED),
            Map.entry("RETURN", EventType.RETURNED),
            Map.entry("DELIVERED_SENDER", EventType.RETURNED));

    private BringTrackingEvents() {
    }

    /** The event type of a Bring status; UNKNOWN and statuses Bring adds later are IN_TRANSIT (Bring's status stays in carrierStatus). */
    static EventType type(String bringStatus) {
        return TYPES.getOrDefault(bringStatus, EventType.IN_TRANSIT);
    }

    /**
     * The order's events that happened after its last status, oldest first: the events of all its packages, each
     * once. Delivered or returned ends the order only when every package is; before, it is IN_TRANSIT.
     */
    static List<TmsEvent> newEvents(OpenOrder order, TrackingAnswer.Consignment consignment) {
        List<TrackingAnswer.Package> packages = Objects.requireNonNullElse(consignment.packageSet(), List.of());
        Map<String, Dated> events = new LinkedHashMap<>();
        packages.stream().flatMap(pack -> dated(pack).stream())
                .forEach(event -> events.putIfAbsent(event.event().status() + "@" + event.at(), event));
        List<TmsEvent> result = new ArrayList<>();
        events.values().stream()
                .sorted(Comparator.comparing(Dated::at))
                .filter(event -> order.lastStatusAt() == null || event.at().isAfter(order.lastStatusAt()))
                .forEach(event -> result.add(tmsEvent(order, consignment, event, endsAll(packages, event.at()))));
        return result;
    }

    private static TmsEvent tmsEvent(OpenOrder order, TrackingAnswer.Consignment consignment, Dated dated, boolean endsAll) {
        TrackingAnswer.Event bring = dated.event();
        EventType type = type(bring.status());
        TmsEvent event = new TmsEvent();
        event.setOrderId(order.orderId());
        event.setCarrier(order.carrier());
        event.setEventType(StatusPoll.TERMINAL.contains(type) && !endsAll ? EventType.IN_TRANSIT : type);
        event.setOccurredAt(XmlDates.of(OffsetDateTime.parse(bring.dateIso())));
        event.setCarrierStatus(bring.status());
        event.getCarrierReference().add(CarrierReferences.of(BringTrackingPoll.SHIPMENT, consignment.consignmentId()));
        event.setNote(note(bring));
        return event;
    }

    /** Whether by this time every package has a delivered or returned event. */
    private static boolean endsAll(List<TrackingAnswer.Package> packages, Instant at) {
        return packages.stream().allMatch(pack -> dated(pack).stream()
                .anyMatch(event -> !event.at().isAfter(at) && StatusPoll.TERMINAL.contains(type(event.event().status()))));
    }

    private static List<Dated> dated(TrackingAnswer.Package pack) {
        return Objects.requireNonNullElse(pack.eventSet(), List.<TrackingAnswer.Event>of()).stream()
                .filter(event -> event.status() != null && event.dateIso() != null && !event.dateIso().isBlank())
                .map(event -> new Dated(event, OffsetDateTime.parse(event.dateIso()).toInstant()))
                .toList();
    }

    private static String note(TrackingAnswer.Event event) {
        String place = String.join(" ", Stream.of(event.postalCode(), event.city())
                .filter(part -> part != null && !part.isBlank()).toList());
        String description = Objects.requireNonNullElse(event.description(), "");
        String note = place.isEmpty() ? description : description + " (" + place + ")";
        return note.length() > 1000 ? note.substring(0, 1000) : note.isBlank() ? null : note;
    }

    private record Dated(TrackingAnswer.Event event, Instant at) {
    }
}

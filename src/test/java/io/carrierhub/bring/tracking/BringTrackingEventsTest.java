package io.carrierhub.bring.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.poll.OpenOrder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bring's tracking answer, in the shape of its published examples (newest event first), as TMS events. */
class BringTrackingEventsTest {

    static final String TWO_PACKAGES = """
            {"apiVersion": "2", "consignmentSet": [{"consignmentId": "70438101015432113", "previousConsignmentId": "",
              "packageSet": [
                {"packageNumber": "370438101015432110", "productCode": "0330", "eventSet": [
                  {"description": "The shipment has been delivered.", "status": "DELIVERED", "recipientSignature": {"name": "O Nordmann"},
                   "postalCode": "", "city": "", "dateIso": "2026-09-30T17:45:25+02:00", "consignmentEvent": false},
                  {"description": "The shipment has been handed in at terminal and forwarded.", "status": "IN_TRANSIT",
                   "postalCode": "0024", "city": "OSLO", "dateIso": "2026-09-30T08:27:08+02:00", "consignmentEvent": false}]},
                {"packageNumber": "370438101015432127", "productCode": "0330", "eventSet": [
                  {"description": "The shipment has been delivered.", "status": "DELIVERED",
                   "postalCode": "", "city": "", "dateIso": "2026-09-30T18:10:00+02:00", "consignmentEvent": false},
                  {"description": "The shipment has been handed in at terminal and forwarded.", "status": "IN_TRANSIT",
                   "postalCode": "0024", "city": "OSLO", "dateIso": "2026-09-30T08:27:08+02:00", "consignmentEvent": false}]}]}]}
            """;

    @Test
    void eventsComeOldestFirstOnceEachAndTheOrderIsDeliveredWhenItsLastPackageIs() throws Exception {
        List<TmsEvent> events = BringTrackingEvents.newEvents(order(null), consignment());

        assertThat(events).extracting(TmsEvent::getCarrierStatus).containsExactly("IN_TRANSIT", "DELIVERED", "DELIVERED");
        assertThat(events).extracting(TmsEvent::getEventType)
                .as("the first package's delivery does not end the order").containsExactly(EventType.IN_TRANSIT,
                        EventType.IN_TRANSIT, EventType.DELIVERED);
        assertThat(events.get(0).getNote()).isEqualTo("The shipment has been handed in at terminal and forwarded. (0024 OSLO)");
        assertThat(events.get(0).getOccurredAt().toXMLFormat()).isEqualTo("2026-09-30T08:27:08+02:00");
        assertThat(events.get(2).getCarrierReference()).singleElement()
                .satisfies(reference -> assertThat(reference.getValue()).isEqualTo("70438101015432113"));
    }

    @Test
    void onlyWhatHappenedAfterTheLastStatusIsNew() throws Exception {
        List<TmsEvent> events = BringTrackingEvents.newEvents(order(Instant.parse("2026-09-30T06:27:08Z")), consignment());

        assertThat(events).extracting(TmsEvent::getCarrierStatus).containsExactly("DELIVERED", "DELIVERED");
    }

    @Test
    void everyDocumentedStatusHasItsEventType() {
        assertThat(BringTrackingEvents.type("HANDED_IN")).isEqualTo(EventType.PICKED_UP);
        assertThat(BringTrackingEvents.type("DEVIATION")).isEqualTo(EventType.DEVIATION);
        assertThat(BringTrackingEvents.type("ATTEMPTED_DELIVERY")).isEqualTo(EventType.DEVIATION);
        assertThat(BringTrackingEvents.type("READY_FOR_PICKUP")).isEqualTo(EventType.ARRIVED);
        assertThat(BringTrackingEvents.type("DELIVERED_SENDER")).isEqualTo(EventType.RETURNED);
        assertThat(BringTrackingEvents.type("UNKNOWN")).isEqualTo(EventType.IN_TRANSIT);
    }

    private static TrackingAnswer.Consignment consignment() throws Exception {
        return new ObjectMapper().readValue(TWO_PACKAGES, TrackingAnswer.class).consignmentSet().get(0);
    }

    private static OpenOrder order(Instant lastStatusAt) {
        return new OpenOrder("SO-1", "bring-shipment", List.of(CarrierReferences.of("SHIPMENT", "70438101015432113")),
                lastStatusAt == null ? null : "IN_TRANSIT", Instant.parse("2026-09-29T10:00:00Z"), lastStatusAt);
    }
}

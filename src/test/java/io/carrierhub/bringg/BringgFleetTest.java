package io.carrierhub.bringg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carrierhub.TestDatabases;
import io.carrierhub.TestDatabases.Database;
import io.carrierhub.bringg.BringgDeliveries.State;
import io.carrierhub.error.CarrierResponseClassifier;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.Driver;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.GeoPoint;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Which driver-API calls a carrier's TMS event means for a Bringg delivery, given how far the delivery got. */
class BringgFleetTest {

    static final String ORDER = "BRINGG-FLEET-1";
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    @TestDatabases.OnEachDatabase
    void anAssignedDriverIsAssignedAndTheTaskStarted(Database database) {
        BringgFleet fleet = fleet(database, State.NEW);

        assertThat(names(fleet, event(1, EventType.ASSIGNED, null))).containsExactly("assign_driver", "start_task");
    }

    @TestDatabases.OnEachDatabase
    void anArrivalIsACheckin(Database database) {
        BringgFleet fleet = fleet(database, State.STARTED);

        assertThat(names(fleet, event(3, EventType.ARRIVED, null))).containsExactly("checkin");
    }

    @TestDatabases.OnEachDatabase
    void deliveredAfterACheckinIsTheProofTheCheckoutAndTheEnd(Database database) {
        BringgFleet fleet = fleet(database, State.CHECKED_IN);

        assertThat(names(fleet, event(4, EventType.DELIVERED, "left with the neighbour")))
                .containsExactly("create_note", "checkout", "end_task");
    }

    @TestDatabases.OnEachDatabase
    void deliveredWithoutACheckinEndsTheTaskWithoutACheckout(Database database) {
        // Bringg takes no checkout without its checkin: a carrier that never reports the arrival skips both
        BringgFleet fleet = fleet(database, State.STARTED);

        assertThat(names(fleet, event(4, EventType.DELIVERED, null))).containsExactly("end_task");
    }

    @TestDatabases.OnEachDatabase
    void nothingFollowsTheEndOfATask(Database database) {
        BringgFleet fleet = fleet(database, State.ENDED);

        assertThatThrownBy(() -> names(fleet, event(5, EventType.IN_TRANSIT, null)))
                .hasFieldOrPropertyWithValue("code", "BRINGG_SEQUENCE").hasMessageContaining("ended");
    }

    @TestDatabases.OnEachDatabase
    void anEventThatCanMeanACallGoesToBringgWhenTheOrderIsABringgDelivery(Database database) {
        BringgFleet fleet = fleet(database, State.NEW);
        TmsEvent ofAnotherOrder = event(1, EventType.ASSIGNED, null);
        ofAnotherOrder.setOrderId("NOT-A-BRINGG-DELIVERY");

        assertThat(fleet.forBringg(event(1, EventType.ASSIGNED, null))).isTrue();
        assertThat(fleet.forBringg(ofAnotherOrder)).isFalse();
    }

    @TestDatabases.OnEachDatabase
    void theLanesYesGoesToBringgOnlyWhenItTellsTheDeliverySomething(Database database) {
        // every order's lane makes an ACCEPTED event: without driver or position it means no call, and no ledger query
        BringgFleet fleet = fleet(database, State.NEW);
        TmsEvent bare = event(1, EventType.ACCEPTED, null);
        bare.setDriver(null);
        TmsEvent withPosition = event(1, EventType.ACCEPTED, null);
        withPosition.setDriver(null);
        withPosition.setLocation(new GeoPoint());

        assertThat(names(fleet, bare)).isEmpty();
        assertThat(fleet.forBringg(bare)).isFalse();
        assertThat(fleet.forBringg(event(1, EventType.ACCEPTED, null))).as("names a driver").isTrue();
        assertThat(fleet.forBringg(withPosition)).as("gives a position").isTrue();
    }

    @TestDatabases.OnEachDatabase
    void anEventMadeOfBringgsOwnWebhookIsNotToldBackToBringg(Database database) {
        BringgFleet fleet = fleet(database, State.STARTED);
        TmsEvent shared = event(2, EventType.DEVIATION, "https://bringg.example/track");
        shared.setCarrierStatus("bringg:shared_location_created");

        assertThat(names(fleet, shared)).isEmpty();
        assertThat(fleet.forBringg(shared)).isFalse();
    }

    private BringgDeliveries deliveries;

    private BringgFleet fleet(Database database, State state) {
        database.jdbc().update("DELETE FROM bringg_call WHERE order_id = ?", ORDER);
        database.jdbc().update("DELETE FROM bringg_delivery WHERE order_id = ?", ORDER);
        deliveries = new BringgDeliveries(database.jdbc(), Clock.systemUTC());
        deliveries.created(ORDER, "sandbox", 42, "drivoo", "<createOrder/>");
        deliveries.state(ORDER, state);
        return new BringgFleet(deliveries, null, new OrderCodec(), new CarrierResponseClassifier(Duration.ofMinutes(5)), Clock.systemUTC());
    }

    private List<String> names(BringgFleet fleet, TmsEvent event) {
        BringgDeliveries.Delivery delivery = deliveries.find(ORDER).orElseThrow();
        return fleet.calls(delivery, event).stream().map(BringgCall::name).toList();
    }

    private static TmsEvent event(long sequence, EventType type, String note) {
        TmsEvent event = new TmsEvent();
        event.setOrderId(ORDER);
        event.setCarrier("drivoo");
        event.setEventType(type);
        event.setOccurredAt(XmlDates.of(T0.plusMinutes(sequence)));
        event.setSequence(sequence);
        event.setNote(note);
        Driver driver = new Driver();
        driver.setName("Jean Dupont");
        driver.setPhone("+33612345678");
        event.setDriver(driver);
        return event;
    }
}

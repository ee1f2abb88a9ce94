package io.carrierhub.bring.po;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.bring.po.model.CreateEventRequest;
import io.carrierhub.bring.po.model.Event;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.model.Driver;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

/** The hub's TMS events in Bring's words (CreateEvent), against the seed's example. */
class BringPoMapperTest {

    static final Clock SEED_REQUEST_TIME = Clock.fixed(Instant.parse("2014-07-03T06:03:56.040Z"), ZoneOffset.ofHours(2));

    private final BringPoCodec codec = new BringPoCodec();
    private final BringPoMapper mapper = new BringPoMapper(properties("no", "carrierhub.local"), SEED_REQUEST_TIME);

    @Test
    void aDeliveredEventIsTheSeedsCreateEventRequest() {
        TmsEvent delivered = event(EventType.DELIVERED, "12345");

        byte[] written = codec.write("CreateEventRequest", CreateEventRequest.class, mapper.events(delivered).orElseThrow());

        // the seed's example leaves EventType and PerformedBy as placeholders: filled with what the hub writes
        String seed = golden("create_event.xml").replace("{event type}", "DELIVERED").replace("{some value}", "carrierhub.local");
        Diff diff = DiffBuilder.compare(Input.fromString(seed)).withTest(Input.fromByteArray(written))
                .ignoreWhitespace().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as(() -> diff + "\n" + new String(written, StandardCharsets.UTF_8)).isFalse();
    }

    @Test
    void everyEventTypeBringHasAWordForIsTold() {
        assertThat(BringPoMapper.EVENT_TYPES).containsEntry(EventType.ACCEPTED, io.carrierhub.bring.po.model.EventType.BOOKED)
                .containsEntry(EventType.CANCELLED, io.carrierhub.bring.po.model.EventType.CANCELLED);
        for (EventType type : BringPoMapper.EVENT_TYPES.keySet()) {
            assertThat(mapper.events(event(type, "7070")).orElseThrow().getEvent())
                    .extracting(told -> told.getEventType().value()).containsExactly(BringPoMapper.EVENT_TYPES.get(type).value());
        }
    }

    @Test
    void eventsBringHasNoWordForOrThatNameNoConsignmentAreNotTold() {
        assertThat(mapper.events(event(EventType.CREATED, "7070"))).isEmpty();
        assertThat(mapper.events(event(EventType.ASSIGNED, "7070"))).isEmpty();
        assertThat(mapper.events(event(EventType.STARTED, "7070"))).isEmpty();
        TmsEvent purchaseOrderAccepted = event(EventType.ACCEPTED);
        purchaseOrderAccepted.getCarrierReference().add(CarrierReferences.of(BringPoClient.PURCHASE_ORDER, "PO-1"));
        assertThat(mapper.events(purchaseOrderAccepted)).isEmpty();
    }

    @Test
    void anEventOfTwoConsignmentsIsTwoEventsPerformedByItsDriver() {
        TmsEvent pickedUp = event(EventType.PICKED_UP, "7070-1", "7070-2");
        Driver driver = new Driver();
        driver.setName("Kari Nordmann");
        pickedUp.setDriver(driver);

        CreateEventRequest request = mapper.events(pickedUp).orElseThrow();

        assertThat(request.getEvent()).extracting(Event::getConsignmentId).containsExactly("7070-1", "7070-2");
        assertThat(request.getEvent()).extracting(Event::getPerformedBy).containsOnly("Kari Nordmann");
        assertThat(request.getEvent()).extracting(Event::getTimestamp).containsOnly(pickedUp.getOccurredAt());
    }

    static TmsEvent event(EventType type, String... consignments) {
        TmsEvent event = new TmsEvent();
        event.setOrderId("PO-1");
        event.setCarrier("bring-po");
        event.setEventType(type);
        event.setOccurredAt(XmlDates.of(OffsetDateTime.parse("2014-07-04T00:00:00+02:00")));
        for (String consignment : consignments) {
            event.getCarrierReference().add(CarrierReferences.of(BringPoClient.CONSIGNMENT, consignment));
        }
        return event;
    }

    static BringPoProperties properties(String locale, String clientUrl) {
        return new BringPoProperties("soap", "sandbox@carrierhub.local", "sandbox-key", clientUrl, locale, 1,
                Duration.ofMinutes(10), true);
    }

    static String golden(String name) {
        try (InputStream in = BringPoMapperTest.class.getResourceAsStream("/golden/bring-po/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

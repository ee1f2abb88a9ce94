package io.carrierhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.MessageFormat;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.OrderMessage;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TmsEventsTest {

    private final OrderCodec codec = new OrderCodec();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T09:36:29.412Z"), ZoneId.of("Europe/Oslo"));

    @Test
    void anAcceptedOrderIsAnAcceptedEventWithTheCarriersIdsNow() throws IOException {
        OrderMessage order = codec.read(Files.readAllBytes(Path.of("samples/shipment-create.xml")), null);
        TmsEvents events = new TmsEvents(codec, new TmsEventProperties(MessageFormat.XML, new TmsEventProperties.Callback("", "")), clock);

        TmsEvent accepted = events.accepted(order, List.of(CarrierReferences.of("SHIPMENT", "70438103433199319")));

        assertThat(accepted.getOrderId()).isEqualTo("SO-100234");
        assertThat(accepted.getCarrier()).isEqualTo("bring-shipment");
        assertThat(accepted.getEventType()).isEqualTo(EventType.ACCEPTED);
        assertThat(accepted.getOccurredAt().toXMLFormat()).isEqualTo("2026-11-22T10:36:29.412+01:00");
        assertThat(accepted.getCarrierReference()).singleElement().extracting("value").isEqualTo("70438103433199319");
        assertThat(accepted.getSequence()).as("given when recorded").isNull();
    }

    @Test
    void eventsAreWrittenInTheConfiguredFormat() {
        TmsEvents json = new TmsEvents(codec, new TmsEventProperties(MessageFormat.JSON, new TmsEventProperties.Callback("", "")), clock);
        TmsEvent event = new TmsEvent();
        event.setOrderId("SO-100234");
        event.setCarrier("bring-shipment");
        event.setEventType(EventType.PICKED_UP);
        event.setOccurredAt(XmlDates.now(clock));
        event.setSequence(2L);

        String written = json.write(event);

        assertThat(json.mediaType()).isEqualTo("application/json");
        assertThat(written).startsWith("{\"tmsEvent\":").contains("\"sequence\":2");
        assertThat(codec.readEvent(written.getBytes(StandardCharsets.UTF_8), json.mediaType()))
                .usingRecursiveComparison().isEqualTo(event);
    }
}

package io.carrierhub.events;

import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.OrderMessage;
import io.carrierhub.order.model.Action;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import java.time.Clock;
import java.util.List;

/** Makes the events of the TMS event stream and writes them in the stream's format (hub.events.format). */
public class TmsEvents {

    private final OrderCodec codec;
    private final TmsEventProperties properties;
    private final Clock clock;

    public TmsEvents(OrderCodec codec, TmsEventProperties properties, Clock clock) {
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The carrier took the order message: an ACCEPTED event (CANCELLED for a cancel), now, with the ids the
     * carrier gave.
     */
    public TmsEvent accepted(OrderMessage message, List<CarrierReference> references) {
        TmsEvent event = new TmsEvent();
        event.setOrderId(message.orderId());
        event.setCarrier(message.carrier());
        event.setEventType(message.action() == Action.CANCEL ? EventType.CANCELLED : EventType.ACCEPTED);
        event.setOccurredAt(XmlDates.now(clock));
        event.getCarrierReference().addAll(references);
        return event;
    }

    public String orderId(TmsEvent event) {
        return event.getOrderId();
    }

    public String eventType(TmsEvent event) {
        return event.getEventType().value();
    }

    public String write(TmsEvent event) {
        return codec.writeEvent(event, properties.format());
    }

    public String mediaType() {
        return properties.format().mediaType();
    }
}

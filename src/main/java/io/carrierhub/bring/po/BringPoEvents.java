package io.carrierhub.bring.po;

import io.carrierhub.carrier.CarrierRequest;
import io.carrierhub.error.CarrierResponseClassifier;
import io.carrierhub.messaging.SharedIdempotentRepository;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.TmsEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The TMS events Bring is told (CreateEvent, flow 3 of docs/carriers/bring-po.md), as routes/bring-po.yaml and
 * routes/tms-events.yaml ask: which events of the stream go to Bring, the request for one, and what Bring's answer
 * means. Each event is told once: it is recorded (by its HubEventId) when Bring took it.
 */
public class BringPoEvents {

    private final BringPoLanes lanes;
    private final OrderCodec codec;
    private final CarrierResponseClassifier classifier;
    private final SharedIdempotentRepository told;

    public BringPoEvents(BringPoLanes lanes, OrderCodec codec, CarrierResponseClassifier classifier,
                         SharedIdempotentRepository told) {
        this.lanes = lanes;
        this.codec = codec;
        this.classifier = classifier;
        this.told = told;
    }

    /**
     * Whether Bring is to be told this event of the stream: an event of an order on a bring-po lane that tells Bring
     * events, of a type Bring has a word for, naming a consignment.
     */
    public boolean forBring(TmsEvent event) {
        return lanes.speaks(event.getCarrier()) && lanes.client(event.getCarrier()).tellsEvents()
                && lanes.client(event.getCarrier()).events(event).isPresent();
    }

    public TmsEvent read(byte[] body, String contentType) {
        return codec.readEvent(body, contentType);
    }

    public boolean told(String eventId) {
        return told.contains(eventId);
    }

    public CarrierRequest request(TmsEvent event) {
        return lanes.client(event.getCarrier()).events(event).orElseThrow(() -> new IllegalStateException(
                "event " + event.getEventType() + " of order " + event.getOrderId() + " has nothing to tell Bring"));
    }

    /** Bring's answer to CreateEvent: a refusal or failure is classified as any carrier answer is; a yes is recorded. */
    public void answered(Exchange exchange, TmsEvent event, String eventId) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        byte[] body = Optional.ofNullable(exchange.getMessage().getBody(String.class)).orElse("").getBytes(StandardCharsets.UTF_8);
        var refusal = lanes.client(event.getCarrier()).refusal(body, null);
        if (status < 200 || status >= 300 || refusal.isPresent()) {
            classifier.check(event.getCarrier(), status, new String(body, StandardCharsets.UTF_8), null, refusal.orElse(null));
        }
        told.add(eventId);
    }
}

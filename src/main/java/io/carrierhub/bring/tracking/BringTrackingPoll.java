package io.carrierhub.bring.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.bring.MybringAuth;
import io.carrierhub.carrier.CarrierSettings;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.poll.OpenOrder;
import io.carrierhub.poll.StatusPoll;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bring Tracking poll ({@code hub.polls.bring-tracking}): the shipments booked on the lanes whose api is
 * bring-shipment and that have a tracking URL, each asked for at the Tracking API by its shipment number with the
 * lane's Mybring credentials. Every event after the order's last status becomes a TMS event
 * ({@link BringTrackingEvents}). A shipment Bring does not know yet is asked again at the next run; a failed call or
 * refused credentials end the run, and the next run asks again.
 */
public class BringTrackingPoll implements StatusPoll {

    public static final String NAME = "bring-tracking";
    static final String SHIPMENT = "SHIPMENT";
    private static final Logger LOG = LoggerFactory.getLogger(BringTrackingPoll.class);

    private final Map<String, Lane> lanes;
    private final ProducerTemplate http;
    private final ObjectMapper json = new ObjectMapper();

    public BringTrackingPoll(Map<String, Lane> lanes, ProducerTemplate http) {
        this.lanes = Map.copyOf(lanes);
        this.http = http;
    }

    /**
     * A tracked lane.
     *
     * @param url  its Tracking API
     * @param auth its Mybring credentials
     */
    public record Lane(URI url, MybringAuth auth) {
    }

    /** The tracked lanes among the carriers: those on the Shipment API with a tracking URL. */
    public static boolean tracked(CarrierSettings settings, String carrier, BringTrackingProperties tracking) {
        return "bring-shipment".equals(settings.api(carrier)) && tracking != null && tracking.url() != null;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> carriers() {
        return lanes.keySet();
    }

    @Override
    public boolean follows(OpenOrder order) {
        return order.reference(SHIPMENT) != null;
    }

    @Override
    public List<TmsEvent> check(OpenOrder order) {
        TrackingAnswer.Consignment consignment = track(lanes.get(order.carrier()), order.reference(SHIPMENT));
        if (consignment.error() != null) {
            LOG.debug("Bring Tracking knows no shipment {} of order {} yet: {} {}", order.reference(SHIPMENT),
                    order.orderId(), consignment.error().code(), consignment.error().message());
            return List.of();
        }
        return BringTrackingEvents.newEvents(order, consignment);
    }

    private TrackingAnswer.Consignment track(Lane lane, String shipmentNumber) {
        Exchange answer = http.send(lane.url() + "/tracking.json?throwExceptionOnFailure=false", exchange -> {
            exchange.getIn().setHeaders(new HashMap<>(lane.auth().headers()));
            exchange.getIn().setHeader("Accept", "application/json");
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
            exchange.getIn().setHeader(Exchange.HTTP_QUERY, "q=" + URLEncoder.encode(shipmentNumber, StandardCharsets.UTF_8));
        });
        if (answer.getException() != null) {
            throw new IllegalStateException("Bring Tracking did not answer for shipment " + shipmentNumber + ": "
                    + answer.getException().getMessage(), answer.getException());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = answer.getMessage().getBody(String.class);
        if (status != 200) {
            throw new IllegalStateException("Bring Tracking answered HTTP " + status + " for shipment " + shipmentNumber
                    + (status == 401 || status == 403 ? " (check the lane's Mybring credentials)" : "") + ": " + body);
        }
        try {
            TrackingAnswer read = json.readValue(body, TrackingAnswer.class);
            if (read.consignmentSet() == null || read.consignmentSet().isEmpty()) {
                throw new IllegalStateException("Bring Tracking answered shipment " + shipmentNumber + " without a consignmentSet");
            }
            return read.consignmentSet().get(0);
        } catch (IOException e) {
            throw new IllegalStateException("Bring Tracking's answer for shipment " + shipmentNumber + " is not readable: " + body, e);
        }
    }
}

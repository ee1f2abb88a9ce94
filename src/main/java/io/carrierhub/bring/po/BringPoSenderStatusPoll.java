package io.carrierhub.bring.po;

import io.carrierhub.bring.po.model.SenderStatus;
import io.carrierhub.error.CarrierRefusal;
import io.carrierhub.ledger.OrderLedger;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.poll.OpenOrder;
import io.carrierhub.poll.StatusPoll;
import io.carrierhub.xml.XmlDates;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender status poll ({@code hub.polls.bring-po-sender-status}): the purchase orders booked on the lanes whose
 * api is bring-po, each asked for with GetSenderStatus over its lane's transport (routes/bring-po.yaml). A purchase
 * order starts OPEN (the sender may still change it; the lane's ACCEPTED said so); a change is one event:
 * <ul>
 * <li>LOCKED (Bring planned the transport, the sender can no longer change the order): ASSIGNED;</li>
 * <li>NOT_FOUND (Bring no longer knows an order the hub booked and did not cancel): DEVIATION.</li>
 * </ul>
 * Both end the order's polling: the sender status never turns back to OPEN. A refusal of the hub's account
 * (PO_STATE_002, PO_STATE_004) or a failed call ends the run, and the next run asks again; Bring's refusal to tell of
 * one order is logged and the order asked again at the next run.
 */
public class BringPoSenderStatusPoll implements StatusPoll {

    public static final String NAME = "bring-po-sender-status";
    private static final Logger LOG = LoggerFactory.getLogger(BringPoSenderStatusPoll.class);
    private static final Map<SenderStatus, EventType> EVENTS = Map.of(
            SenderStatus.LOCKED, EventType.ASSIGNED, SenderStatus.NOT_FOUND, EventType.DEVIATION);

    private final BringPoLanes lanes;
    private final OrderLedger ledger;
    private final Clock clock;

    public BringPoSenderStatusPoll(BringPoLanes lanes, OrderLedger ledger, Clock clock) {
        this.lanes = lanes;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> carriers() {
        return lanes.carriers();
    }

    @Override
    public boolean follows(OpenOrder order) {
        return order.reference(BringPoClient.PURCHASE_ORDER) != null && !ended(order.lastCarrierStatus());
    }

    @Override
    public List<TmsEvent> check(OpenOrder order) {
        return senderStatus(order).filter(answer -> !answer.status().value().equals(last(order)))
                .filter(answer -> EVENTS.containsKey(answer.status()))
                .map(answer -> List.of(event(order, answer)))
                .orElse(List.of());
    }

    /** LOCKED and NOT_FOUND end the order's polling. */
    @Override
    public boolean terminal(TmsEvent event) {
        return ended(event.getCarrierStatus());
    }

    private Optional<BringPoAnswers.SenderStatusAnswer> senderStatus(OpenOrder order) {
        BringPoClient client = lanes.client(order.carrier());
        String purchaseOrderNo = order.reference(BringPoClient.PURCHASE_ORDER);
        String customerNo = BringPoMapper.customerNo(ledger.order(ledger.find(order.orderId()).orElseThrow()));
        Exchange answer = lanes.call(order.carrier(), client.senderStatus(customerNo, purchaseOrderNo));
        if (answer.getException() != null) {
            throw new IllegalStateException(order.carrier() + " did not tell the sender status of purchase order "
                    + purchaseOrderNo + ": " + answer.getException().getMessage(), answer.getException());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        byte[] body = answer.getMessage().getBody(byte[].class);
        if (status != 200) {
            throw new IllegalStateException(order.carrier() + " answered HTTP " + status + " for the sender status of "
                    + "purchase order " + purchaseOrderNo);
        }
        BringPoAnswers.SenderStatusAnswer read = client.senderStatus(body);
        CarrierRefusal refusal = read.refusal();
        if (refusal != null && refusal.kind() == CarrierRefusal.Kind.CONFIGURATION) {
            throw new IllegalStateException(order.carrier() + " refused the hub's account: " + refusal.status() + " "
                    + refusal.text());
        }
        if (refusal != null) {
            LOG.warn("{} did not tell the sender status of purchase order {} (order {}): {} {}", order.carrier(),
                    purchaseOrderNo, order.orderId(), refusal.status(), refusal.text());
            return Optional.empty();
        }
        return Optional.of(read);
    }

    /** The change, at Bring's time of the answer (it tells no time of the change itself). */
    private TmsEvent event(OpenOrder order, BringPoAnswers.SenderStatusAnswer answer) {
        SenderStatus status = answer.status();
        TmsEvent event = new TmsEvent();
        event.setOrderId(order.orderId());
        event.setCarrier(order.carrier());
        event.setEventType(EVENTS.get(status));
        event.setCarrierStatus(status.value());
        event.setOccurredAt(answer.answeredAt() != null ? answer.answeredAt() : XmlDates.now(clock));
        event.getCarrierReference().add(CarrierReferences.of(BringPoClient.PURCHASE_ORDER, order.reference(BringPoClient.PURCHASE_ORDER)));
        if (status == SenderStatus.NOT_FOUND) {
            event.setNote("Bring no longer knows purchase order " + order.reference(BringPoClient.PURCHASE_ORDER));
        }
        return event;
    }

    /** The status the order was last reported in: OPEN until a poll reported a change. */
    private static String last(OpenOrder order) {
        return order.lastCarrierStatus() != null ? order.lastCarrierStatus() : SenderStatus.OPEN.value();
    }

    private static boolean ended(String carrierStatus) {
        return SenderStatus.LOCKED.value().equals(carrierStatus) || SenderStatus.NOT_FOUND.value().equals(carrierStatus);
    }
}

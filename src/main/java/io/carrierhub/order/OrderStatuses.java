package io.carrierhub.order;

import io.carrierhub.ledger.LedgerEntry;
import io.carrierhub.ledger.LedgerStatus;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.OrderStatus;
import io.carrierhub.order.model.Outcome;
import io.carrierhub.order.model.StatusError;
import io.carrierhub.xml.XmlDates;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Writes the status messages the ERP reads on erp.order-status, in the format its order came in. */
public class OrderStatuses {

    private final OrderCodec codec;
    private final Clock clock;

    public OrderStatuses(OrderCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    public String accepted(OrderMessage message, List<CarrierReference> references) {
        OrderStatus status = status(message, Outcome.ACCEPTED);
        status.getCarrierReference().addAll(references);
        return codec.writeStatus(status, message.format());
    }

    /** A refusal; {@code message} is null when the ERP's message could not be read at all. */
    public String rejected(OrderMessage message, String code, String reason) {
        OrderStatus status = status(message, Outcome.REJECTED);
        StatusError error = new StatusError();
        error.setCode(code);
        error.setReason(reason);
        status.setError(error);
        return codec.writeStatus(status, message != null ? message.format() : MessageFormat.XML);
    }

    /** The outcome the ledger recorded for this order, again, for a copy of a message already answered. */
    public String repeated(OrderMessage copy, Optional<LedgerEntry> recorded) {
        LedgerEntry entry = recorded.orElseThrow(() -> new IllegalStateException("the ledger has no order " + copy.orderId()));
        OrderStatus status = status(copy, entry.status() == LedgerStatus.REJECTED ? Outcome.REJECTED : Outcome.ACCEPTED);
        if (entry.status() == LedgerStatus.REJECTED) {
            StatusError error = new StatusError();
            error.setCode(entry.errorCode());
            error.setReason(entry.errorReason());
            status.setError(error);
        } else {
            status.getCarrierReference().addAll(entry.references());
        }
        status.setRepeat(true);
        return codec.writeStatus(status, copy.format());
    }

    private OrderStatus status(OrderMessage message, Outcome outcome) {
        OrderStatus status = new OrderStatus();
        if (message != null) {
            status.setOrderId(message.orderId());
            status.setAction(message.action());
            status.setCarrier(message.carrier());
        }
        status.setOutcome(outcome);
        status.setTimestamp(XmlDates.now(clock));
        return status;
    }

    public String mediaType(OrderMessage message) {
        return (message != null ? message.format() : MessageFormat.XML).mediaType();
    }
}

package io.carrierhub.poll;

import io.carrierhub.order.model.CarrierReference;
import java.time.Instant;
import java.util.List;

/**
 * An order a status poll follows, as the ledger knows it.
 *
 * @param orderId           the ERP's order id
 * @param carrier           the carrier lane it was sent on (a name under {@code hub.carriers})
 * @param references        the ids the carrier gave it
 * @param lastCarrierStatus the carrier's status as last reported by a poll, or null before the first change
 * @param acceptedAt        when the carrier took it
 * @param lastStatusAt      when the event of {@code lastCarrierStatus} happened, or null before the first change: a
 *                          poll that reads the carrier's event history reports only what happened after it
 */
public record OpenOrder(String orderId, String carrier, List<CarrierReference> references, String lastCarrierStatus,
        Instant acceptedAt, Instant lastStatusAt) {

    public OpenOrder {
        references = List.copyOf(references);
    }

    /** An order whose last status is not dated (or not known). */
    public OpenOrder(String orderId, String carrier, List<CarrierReference> references, String lastCarrierStatus,
            Instant acceptedAt) {
        this(orderId, carrier, references, lastCarrierStatus, acceptedAt, null);
    }

    /** The value of the carrier's first id of this type (SHIPMENT, PACKAGE, ...), or null. */
    public String reference(String type) {
        return references.stream().filter(reference -> type.equals(reference.getType()))
                .map(CarrierReference::getValue).findFirst().orElse(null);
    }
}

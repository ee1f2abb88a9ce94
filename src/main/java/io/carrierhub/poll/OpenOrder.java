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
 */
public record OpenOrder(String orderId, String carrier, List<CarrierReference> references, String lastCarrierStatus,
        Instant acceptedAt) {
}

package io.carrierhub.ledger;

import io.carrierhub.order.model.CarrierReference;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One order as the ledger knows it.
 *
 * @param orderBody the last create or update the carrier accepted, as the ERP sent it; null before the first
 */
public record LedgerEntry(
        String orderId,
        String carrier,
        String lastAction,
        LedgerStatus status,
        byte[] orderBody,
        List<CarrierReference> references,
        String errorCode,
        String errorReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The first carrier id of a type, e.g. SHIPMENT. */
    public Optional<String> reference(String type) {
        return references.stream().filter(ref -> ref.getType().equals(type)).map(CarrierReference::getValue).findFirst();
    }
}

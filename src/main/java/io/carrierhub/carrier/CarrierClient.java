package io.carrierhub.carrier;

import io.carrierhub.error.CarrierRefusal;
import io.carrierhub.order.OrderMessage;
import io.carrierhub.order.model.CarrierReference;
import java.util.List;
import java.util.Optional;

/**
 * What is specific to one carrier's API (HTTP or SOAP): its mapper and codec write the request for an order message (with its
 * auth strategy's headers), its response reader finds the carrier's ids in a successful answer and reads a refusal
 * in the carrier's words (a 2xx may be one in disguise). The lane does the rest: consuming, calling, classifying,
 * retrying, the ledger and the answer to the ERP.
 */
public interface CarrierClient {

    /**
     * Refuses, at the intake, an order message the carrier would refuse for lack of what its contract requires and
     * the order contract leaves optional.
     *
     * @throws io.carrierhub.error.InvalidMessageException naming what is missing
     */
    default void admit(OrderMessage message) {
    }

    CarrierRequest request(OrderMessage message);

    /**
     * The auth strategy whose headers {@link #request} writes, when the lane may ask it for fresh credentials after
     * a 401 and make the call once more ({@link CarrierAuth#renew()}); empty for credentials that never change.
     */
    default Optional<CarrierAuth> auth() {
        return Optional.empty();
    }

    /** Whether the carrier takes the ERP's transport orders (packing lists) of an order it booked. */
    default boolean takesTransportOrders() {
        return false;
    }

    /**
     * A call to make before {@link #request}, whose answer {@link #checked} reads (e.g. whether the customer may
     * book at all); empty when none is needed, for instance because an earlier answer is still fresh.
     */
    default Optional<CarrierRequest> check(OrderMessage message) {
        return Optional.empty();
    }

    /**
     * Reads the answer to {@link #check} that is no {@link #refusal}; throws a
     * {@link io.carrierhub.error.HubException} when it forbids the request.
     */
    default void checked(OrderMessage message, byte[] body, String contentType) {
    }

    /** The carrier's ids in an answer that is no {@link #refusal}. */
    List<CarrierReference> references(byte[] body, String contentType);

    /** The same, for a carrier whose answer does not repeat the ids the request gave (they are the message's). */
    default List<CarrierReference> references(OrderMessage message, byte[] body, String contentType) {
        return references(body, contentType);
    }

    /**
     * The refusal an answer body states, in the carrier's words, whatever the HTTP status; empty when the body is
     * no refusal of the carrier's shape (a success, or a proxy's page), which the HTTP status alone then classifies.
     */
    default Optional<CarrierRefusal> refusal(byte[] body, String contentType) {
        return Optional.empty();
    }

    /**
     * On a retry, whether this refusal says that an earlier attempt was carried out after all (e.g. "already exists"
     * for the id the ERP gave), and if so the carrier's ids as the order itself names them.
     */
    default Optional<List<CarrierReference>> acceptedBefore(OrderMessage message, int status, byte[] body, String contentType) {
        return Optional.empty();
    }
}

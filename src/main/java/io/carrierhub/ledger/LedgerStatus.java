package io.carrierhub.ledger;

/** Where an order stands at the hub. */
public enum LedgerStatus {
    /** Taken from the ERP, not yet answered by the carrier. */
    RECEIVED,
    /** The carrier took the create or update; its ids are recorded. */
    ACCEPTED,
    /** The carrier took the cancel. */
    CANCELLED,
    /** Refused, by the hub or the carrier; the reason is recorded and the message is on a dead-letter queue. */
    REJECTED
}

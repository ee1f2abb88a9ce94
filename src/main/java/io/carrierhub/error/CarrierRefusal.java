package io.carrierhub.error;

/**
 * A refusal as the carrier's own answer body states it, read by the carrier's client: what kind of no it is, the
 * carrier's status word, and its error texts for a person to read.
 *
 * @param kind   what the body says the refusal is
 * @param status the carrier's status in the body (Bring: VALIDATION_ERROR, FORBIDDEN, ERROR)
 * @param text   the carrier's error texts, joined
 */
public record CarrierRefusal(Kind kind, String status, String text) {

    public enum Kind {
        /** the request's content: final */
        VALIDATION,
        /** authentication or configuration: final */
        AUTH,
        /**
         * the hub's account or configuration at the carrier is wrong (not logged in, no access): final, and the
         * carrier's health is down until one of its calls succeeds
         */
        CONFIGURATION,
        /** a failure on the carrier's side: tried again later */
        UNAVAILABLE
    }
}

package io.carrierhub.carrier;

/**
 * A carrier API the hub can speak, named as {@code hub.carriers.<name>.api} names it. It makes the client of each
 * carrier configured with it, from that carrier's settings under {@code hub.carriers.<carrier>}.
 */
public interface CarrierApi {

    String name();

    CarrierClient client(String carrier);

    /** How the lane calls this carrier: over HTTP unless the API says otherwise (e.g. SOAP). */
    default CallTemplate call(String carrier) {
        return CallTemplate.http();
    }
}

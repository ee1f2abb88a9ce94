package io.carrierhub.carrier;

import java.util.Map;

/**
 * How a carrier knows the hub: the headers every request carries. Static credentials (an API key) are the same on
 * every call; a bearer token (io.carrierhub.carrier.auth) is fetched and cached, and {@link #renew() renewed} when
 * the carrier refuses it.
 */
public interface CarrierAuth {

    Map<String, String> headers();

    /**
     * The carrier answered 401 to a request with these headers: forgets the credentials that failed, so that the
     * next {@link #headers()} takes fresh ones. True when that may help (a token), false when the credentials are
     * what they are (an API key): the 401 then stands.
     */
    default boolean renew() {
        return false;
    }
}

package io.carrierhub.carrier;

import java.util.Map;

/** How a carrier knows the hub: the headers every request carries. */
public interface CarrierAuth {

    Map<String, String> headers();
}

package io.carrierhub.order;

import io.carrierhub.order.model.CarrierReference;

/** Builds the generated {@link CarrierReference}, which has no constructor of its own. */
public final class CarrierReferences {

    private CarrierReferences() {
    }

    public static CarrierReference of(String type, String value) {
        CarrierReference reference = new CarrierReference();
        reference.setType(type);
        reference.setValue(value);
        return reference;
    }
}

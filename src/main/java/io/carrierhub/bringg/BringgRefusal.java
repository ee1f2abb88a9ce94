package io.carrierhub.bringg;

/** A webhook the hub read but does not take (a delivery it cannot carry): answered 200 with success:false, as Bringg requires. */
public class BringgRefusal extends RuntimeException {

    public BringgRefusal(String reason) {
        super(reason);
    }
}

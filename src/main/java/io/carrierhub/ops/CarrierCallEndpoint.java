package io.carrierhub.ops;

import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/** The audit of an order's carrier calls, masked: {@code GET /actuator/carriercalls/<order id>} (after login). */
@Endpoint(id = "carriercalls")
public class CarrierCallEndpoint {

    private final CarrierCallAudit audit;

    public CarrierCallEndpoint(CarrierCallAudit audit) {
        this.audit = audit;
    }

    @ReadOperation
    public List<CarrierCall> forOrder(@Selector String orderId) {
        return audit.forOrder(orderId);
    }
}

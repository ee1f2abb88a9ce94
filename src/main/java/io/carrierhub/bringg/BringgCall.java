package io.carrierhub.bringg;

import java.util.Map;

/**
 * One driver-API call for a delivery.
 *
 * @param orderId  the delivery's order
 * @param merchant whose token the call carries
 * @param eventKey the TMS event it comes from ({@code seq-<sequence>}); a location tick has none and is not claimed
 * @param name     the call: assign_driver, start_task, update_driver_location, checkin, create_note, checkout,
 *                 end_task, cancel_delivery, update_task
 * @param body     its JSON fields
 * @param after    the delivery's state once Bringg took it
 */
public record BringgCall(String orderId, String merchant, String eventKey, String name, Map<String, Object> body,
                         BringgDeliveries.State after) {

    public boolean tick() {
        return eventKey == null;
    }
}

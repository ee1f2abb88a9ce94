package io.carrierhub.drivoo;

import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.Party;
import java.util.ArrayList;
import java.util.List;

/**
 * What the order contract leaves optional and a Drivoo course requires (seed: "(Required)"): the pickup site (the
 * sender's name), the date the parcel is ready (date_dispo: a PICKUP_REQUESTED or PICKUP_EARLIEST date), the
 * client's name and address. Refused at the intake, every lack named.
 */
final class DrivooRequirements {

    static final String CODE = "CARRIER_REQUIREMENT";

    private DrivooRequirements() {
    }

    static void check(Order order) {
        List<String> lacks = new ArrayList<>();
        if (blank(order.getSender().getName())) {
            lacks.add("the sender has no name, which names the pickup site (Drivoo's retailer)");
        }
        if (DrivooCourseMapper.pickupDate(order).isEmpty()) {
            lacks.add("no PICKUP_REQUESTED or PICKUP_EARLIEST date, Drivoo's date_dispo");
        }
        Party receiver = order.getReceiver();
        if (blank(DrivooCourseMapper.receiverName(receiver))) {
            lacks.add("the receiver has no name (client nom)");
        }
        if (receiver.getAddress() == null || receiver.getAddress().getLine().isEmpty()) {
            lacks.add("the receiver has no address line (client address)");
        }
        if (!lacks.isEmpty()) {
            throw new InvalidMessageException(CODE, "Drivoo would refuse the order: " + String.join("; ", lacks));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

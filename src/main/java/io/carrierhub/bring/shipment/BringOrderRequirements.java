package io.carrierhub.bring.shipment;

import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.order.model.DangerousGoods;
import io.carrierhub.order.model.GoodsItem;
import io.carrierhub.order.model.Order;
import java.util.ArrayList;
import java.util.List;

/**
 * What the order contract leaves optional and Bring's documents require, so that Bring would refuse the order
 * without it: refused at the intake, every lack named. Only the documents' hard requirements are here: the RAML's
 * Flashpoint ("required: true") in every DangerousGoods, and the Sender's Name ("compulsory if DangerousGoods are
 * specified").
 */
final class BringOrderRequirements {

    static final String CODE = "CARRIER_REQUIREMENT";

    private BringOrderRequirements() {
    }

    /** @throws InvalidMessageException CARRIER_REQUIREMENT, naming each field Bring requires and the order lacks */
    static void check(Order order) {
        List<String> lacks = new ArrayList<>();
        boolean dangerousGoods = false;
        List<GoodsItem> items = order.getGoodsItem();
        for (int item = 0; item < items.size(); item++) {
            List<DangerousGoods> goods = items.get(item).getDangerousGoods();
            for (int entry = 0; entry < goods.size(); entry++) {
                dangerousGoods = true;
                if (goods.get(entry).getFlashpoint() == null) {
                    lacks.add("goodsItem " + (item + 1) + " dangerousGoods " + (entry + 1) + " has no flashpoint");
                }
            }
        }
        String senderName = order.getSender().getName();
        if (dangerousGoods && (senderName == null || senderName.isBlank())) {
            lacks.add("the sender has no name, which Bring requires with dangerous goods");
        }
        if (!lacks.isEmpty()) {
            throw new InvalidMessageException(CODE, "Bring Shipment would refuse the order: " + String.join("; ", lacks));
        }
    }
}

package io.carrierhub.bring.shipment;

import io.carrierhub.bring.shipment.model.BringCustomsClearance;
import io.carrierhub.bring.shipment.model.BringCustomsDetails;
import io.carrierhub.bring.shipment.model.BringCustomsLocation;
import io.carrierhub.bring.shipment.model.BringMoney;
import io.carrierhub.order.model.CustomsClearance;
import io.carrierhub.order.model.CustomsDetails;
import io.carrierhub.order.model.CustomsLocation;
import io.carrierhub.order.model.Weight;
import io.carrierhub.order.model.WeightUnit;
import java.math.BigDecimal;

/** The order's customs data as Bring's CustomsClearance and GoodsItem/CustomsDetails. */
final class BringCustoms {

    private static final BigDecimal GRAMS_PER_KILOGRAM = BigDecimal.valueOf(1000);

    private BringCustoms() {
    }

    static BringCustomsClearance clearance(CustomsClearance from) {
        if (from == null) {
            return null;
        }
        BringCustomsClearance clearance = new BringCustomsClearance();
        clearance.setStatus(from.getStatus());
        clearance.setFunction(from.getFunction());
        clearance.setTransactionType(from.getTransactionType());
        clearance.setLocation(location(from.getLocation()));
        return clearance;
    }

    static BringCustomsDetails details(CustomsDetails from) {
        BringCustomsDetails details = new BringCustomsDetails();
        details.setQuantity(from.getQuantity());
        details.setCountryOfOrigin(from.getCountryOfOrigin());
        if (from.getValue() != null) {
            BringMoney amount = new BringMoney();
            amount.setCurrencyCode(from.getValue().getCurrency());
            amount.setValue(from.getValue().getValue());
            details.setTariffLineAmount(amount);
        }
        details.setCustomsArticleNumber(from.getArticleNumber());
        details.setGoodsDescription(from.getDescription());
        details.setNetWeight(kilograms(from.getNetWeight()));
        return details;
    }

    private static BringCustomsLocation location(CustomsLocation from) {
        if (from == null) {
            return null;
        }
        BringCustomsLocation location = new BringCustomsLocation();
        location.setSubClass(from.getType());
        location.setLocationId(from.getId());
        location.setIdType(from.getIdType());
        location.setLocationName(from.getName());
        return location;
    }

    /** The seed gives NetWeight as a bare number: kilograms, as Bring's weights are in every sample. */
    private static BigDecimal kilograms(Weight weight) {
        if (weight == null) {
            return null;
        }
        return weight.getUnit() == WeightUnit.G ? weight.getValue().divide(GRAMS_PER_KILOGRAM) : weight.getValue();
    }
}

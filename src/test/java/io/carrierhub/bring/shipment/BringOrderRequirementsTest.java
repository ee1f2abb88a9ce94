package io.carrierhub.bring.shipment;

import static io.carrierhub.bring.shipment.BringSamples.golden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.Temperature;
import io.carrierhub.order.model.TemperatureUnit;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BringOrderRequirementsTest {

    private final Order order = new OrderCodec().readOrder(new String(golden("order-shipment-xml.xml"), StandardCharsets.UTF_8));

    @Test
    void dangerousGoodsNeedAFlashpointAndASenderName() {
        order.getSender().setName(null);

        assertThatThrownBy(() -> BringOrderRequirements.check(order)).isInstanceOfSatisfying(InvalidMessageException.class, e -> {
            assertThat(e.code()).isEqualTo("CARRIER_REQUIREMENT");
            assertThat(e.reason()).isEqualTo("Bring Shipment would refuse the order: "
                    + "goodsItem 1 dangerousGoods 1 has no flashpoint; the sender has no name, which Bring requires with dangerous goods");
        });
    }

    @Test
    void dangerousGoodsWithAFlashpointAndASenderNamePass() {
        Temperature flashpoint = new Temperature();
        flashpoint.setUnit(TemperatureUnit.C);
        flashpoint.setValue(BigDecimal.valueOf(18));
        order.getGoodsItem().forEach(item -> item.getDangerousGoods().forEach(goods -> goods.setFlashpoint(flashpoint)));

        assertThatCode(() -> BringOrderRequirements.check(order)).doesNotThrowAnyException();
    }
}

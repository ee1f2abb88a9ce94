package io.carrierhub.bring.shipment;

import static io.carrierhub.bring.shipment.BringSamples.golden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.carrierhub.bring.shipment.model.BringDateAndTime;
import io.carrierhub.bring.shipment.model.BringDateTimeType;
import io.carrierhub.bring.shipment.model.BringFreeTextLine;
import io.carrierhub.bring.shipment.model.BringShipment;
import io.carrierhub.bring.shipment.model.BringShipmentType;
import io.carrierhub.bring.shipment.model.BringUpdateIndicator;
import io.carrierhub.bring.shipment.model.BringUsageCode;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.BookingType;
import io.carrierhub.order.model.Instruction;
import io.carrierhub.order.model.InstructionType;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.PartyRole;
import io.carrierhub.xml.XmlDates;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import javax.xml.datatype.XMLGregorianCalendar;
import org.junit.jupiter.api.Test;

class BringShipmentMapperTest {

    private static final XMLGregorianCalendar RECEIVED = XmlDates.parse("2026-11-23T08:15:00+01:00");

    private final BringShipmentMapper mapper = new BringShipmentMapper();
    private final Order order = new OrderCodec().readOrder(new String(golden("order-shipment-xml.xml"), StandardCharsets.UTF_8));

    @Test
    void anInstructionGoesToSendshipmentAndABookingToSendbooking() {
        var instruction = mapper.toRequest(order, "Update", order.getCreatedAt(), () -> RECEIVED);
        assertThat(instruction.getName().getLocalPart()).isEqualTo("CreateShipmentRequest");
        assertThat(instruction.getValue().getShipment().getShipmentType()).isEqualTo(BringShipmentType.INSTRUCTION);
        assertThat(instruction.getValue().getShipment().getUpdateIndicator()).isEqualTo(BringUpdateIndicator.UPDATE);

        order.getService().setBookingType(BookingType.BOOKING);
        var booking = mapper.toRequest(order, "Delete", order.getCreatedAt(), () -> RECEIVED);
        assertThat(booking.getName().getLocalPart()).isEqualTo("CreateBookingRequest");
        assertThat(booking.getValue().getShipment().getShipmentType()).isEqualTo(BringShipmentType.BOOKING);
    }

    @Test
    void countsThePackagesOfAllGoodsItems() {
        order.getGoodsItem().add(order.getGoodsItem().get(0));

        assertThat(shipment().getShipmentHeaders().getNumberOfPackages()).isEqualTo("4");
    }

    @Test
    void instructionsOfOneTypeShareAFreeText() {
        Instruction second = new Instruction();
        second.setType(InstructionType.CARRIER);
        second.setSequence(BigInteger.ONE);
        second.setValue("Ring twice");
        order.getInstruction().add(second);

        var carrier = shipment().getShipmentHeaders().getFreeText().stream()
                .filter(text -> text.getUsageCode() == BringUsageCode.CARRIER_INSTRUCTIONS).toList();
        assertThat(carrier).hasSize(1);
        assertThat(carrier.get(0).getText()).extracting(BringFreeTextLine::getSequence, BringFreeTextLine::getValue)
                .containsExactly(tuple("0", "31x20x3 7. etg. Skal hentes på resepsjon "),
                        tuple("1", "Ring twice"));
    }

    @Test
    void theOrderIdIsTheSendersReferenceWhenTheErpGivesNone() {
        order.getReferences().setSendersReference(null);

        assertThat(shipment().getShipmentHeaders().getSendersReference()).isEqualTo("SO-4711");
    }

    @Test
    void theDocumentDateIsWhenTheErpCreatedTheOrder() {
        assertThat(shipment().getDateAndTimes()).extracting(BringDateAndTime::getSubClass, BringDateAndTime::getDateTime)
                .containsExactly(tuple(BringDateTimeType.PICKUP_EARLIEST, order.getDate().get(0).getValue()),
                        tuple(BringDateTimeType.DELIVERY_EARLIEST, order.getDate().get(1).getValue()),
                        tuple(BringDateTimeType.DELIVERY_LATEST, order.getDate().get(2).getValue()),
                        tuple(BringDateTimeType.DOCUMENT_DATE, order.getCreatedAt()));
    }

    @Test
    void anOrderWithoutCreationTimeIsDatedWhenTheHubReceivedIt() {
        order.setCreatedAt(null);

        assertThat(shipment().getDateAndTimes()).filteredOn(date -> date.getSubClass() == BringDateTimeType.DOCUMENT_DATE)
                .extracting(BringDateAndTime::getDateTime).containsExactly(RECEIVED);
    }

    @Test
    void refusesWhatBringHasNoCodeFor() {
        order.getParty().get(0).setRole(PartyRole.SUPPLIER);
        assertThatThrownBy(this::shipment).isInstanceOfSatisfying(CarrierRejectedException.class,
                e -> assertThat(e.code()).isEqualTo("CARRIER_VALIDATION"));

        order.getParty().get(0).setRole(PartyRole.TRANSPORT_COMPANY);
        order.getGoodsItem().get(0).getDangerousGoods().get(0).getRestriction().get(0).setType("Bridge");
        assertThatThrownBy(this::shipment).hasMessageContaining("restriction type 'Bridge'");
    }

    private BringShipment shipment() {
        return mapper.toRequest(order, "Original", order.getCreatedAt(), () -> RECEIVED).getValue().getShipment();
    }
}

package io.carrierhub.bring.shipment;

import io.carrierhub.bring.shipment.model.BringDateTimeType;
import io.carrierhub.bring.shipment.model.BringPartyType;
import io.carrierhub.bring.shipment.model.BringTemperatureUnit;
import io.carrierhub.bring.shipment.model.BringTermsType;
import io.carrierhub.bring.shipment.model.BringUsageCode;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.order.model.DateType;
import io.carrierhub.order.model.InstructionType;
import io.carrierhub.order.model.PartyRole;
import io.carrierhub.order.model.TemperatureUnit;
import io.carrierhub.order.model.TermsType;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/** Canonical codes in Bring Shipment's code lists (bring-api-facts §2.4); a code Bring lacks is a refusal. */
final class BringCodes {

    /** Hazard measures carry a free unit code: the canonical unit names become Bring's, others pass as they are. */
    private static final Map<String, String> MEASURE_UNITS = Map.of(
            "g", "GRM", "kg", "KGM", "dm3", "DMQ", "m3", "MTQ", "cm", "CMT", "dm", "DMT", "m", "MTR");

    private BringCodes() {
    }

    /** A canonical unit name in Bring's code (kg is KGM); a code of Bring's own passes as it is. */
    static String measureUnit(String unit) {
        return MEASURE_UNITS.getOrDefault(unit, unit);
    }

    static BringTemperatureUnit unit(TemperatureUnit unit) {
        return switch (unit) {
            case C -> BringTemperatureUnit.CEL;
            case F -> BringTemperatureUnit.FAH;
        };
    }

    static BringDateTimeType subClass(DateType type) {
        return switch (type) {
            case PICKUP_REQUESTED -> BringDateTimeType.PICKUP_REQUESTED;
            case PICKUP_EARLIEST -> BringDateTimeType.PICKUP_EARLIEST;
            case PICKUP_LATEST -> BringDateTimeType.PICKUP_LATEST;
            case DELIVERY_REQUESTED -> BringDateTimeType.DELIVERY_REQUESTED;
            case DELIVERY_EARLIEST -> BringDateTimeType.DELIVERY_EARLIEST;
            case DELIVERY_LATEST -> BringDateTimeType.DELIVERY_LATEST;
        };
    }

    static BringUsageCode usageCode(InstructionType type) {
        return switch (type) {
            case PICKUP -> BringUsageCode.PICKUP_INSTRUCTIONS;
            case CARRIER -> BringUsageCode.CARRIER_INSTRUCTIONS;
            case DELIVERY -> BringUsageCode.DELIVERY_INSTRUCTIONS;
        };
    }

    static BringPartyType partyType(PartyRole role) {
        return switch (role) {
            case TRANSPORT_COMPANY -> BringPartyType.TRANSPORT_COMPANY;
            case DESPATCH -> BringPartyType.DESPATCH_PARTY;
            case DELIVERY -> BringPartyType.DELIVERY_PARTY;
            case ORDERING -> BringPartyType.ORDERING_PARTY;
            case FREIGHT_PAYER -> BringPartyType.FREIGHT_PAYER;
            case CASH_ON_DELIVERY_PAYEE -> BringPartyType.CASH_ON_DELIVERY_PAYEE;
            case GOODS_RETURN -> BringPartyType.GOODS_RETURN_PARTY;
            case NOTIFY -> BringPartyType.NOTIFY_PARTY;
            case SUPPLIER -> throw unsupported("party role", role.value());
        };
    }

    static BringTermsType termsType(TermsType type) {
        return switch (type) {
            case INCOTERMS -> BringTermsType.INCOTERMS;
            case FREIGHTTERMS -> BringTermsType.FREIGHTTERMS;
            case COMBITERMS -> BringTermsType.COMBITERMS;
            case PREPAID -> BringTermsType.PRE_PAID;
            case THIRD_PARTY -> BringTermsType.THIRD_PARTY;
        };
    }

    /** A canonical free code for one of Bring's closed code lists, matched ignoring case. */
    static <E extends Enum<E>> E code(E[] codes, Function<E, String> name, String code, String what) {
        return Arrays.stream(codes).filter(candidate -> name.apply(candidate).equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> unsupported(what, code));
    }

    static CarrierRejectedException unsupported(String what, String value) {
        return new CarrierRejectedException("CARRIER_VALIDATION", "Bring Shipment has no " + what + " '" + value + "'");
    }
}

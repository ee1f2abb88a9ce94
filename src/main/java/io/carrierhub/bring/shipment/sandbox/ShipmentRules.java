package io.carrierhub.bring.shipment.sandbox;

import io.carrierhub.bring.shipment.model.BringAdditionalParty;
import io.carrierhub.bring.shipment.model.BringAdditionalService;
import io.carrierhub.bring.shipment.model.BringDangerousGoods;
import io.carrierhub.bring.shipment.model.BringDateAndTime;
import io.carrierhub.bring.shipment.model.BringDateTimeType;
import io.carrierhub.bring.shipment.model.BringGoodsItem;
import io.carrierhub.bring.shipment.model.BringPackage;
import io.carrierhub.bring.shipment.model.BringParty;
import io.carrierhub.bring.shipment.model.BringPartyType;
import io.carrierhub.bring.shipment.model.BringShipment;
import io.carrierhub.bring.shipment.model.BringShipmentHeaders;
import io.carrierhub.bring.shipment.model.BringUpdateIndicator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * Bring's rules for a request that the schema does not express: the RAML description of /sendshipment and
 * /sendbooking, and the query parameters' demands on the ids. Every violation is reported, not just the first.
 * The request is schema-valid already, so the contract's required parts are there.
 */
final class ShipmentRules {

    static final Set<String> TRANSPORT_COMPANIES = Set.of("BEX", "BCI", "BCN");
    static final Set<String> SUB_TRANSPORT_COMPANIES = Set.of("ALY", "GLW", "OXP");
    static final Set<Integer> SHIPMENT_ID_LENGTHS = Set.of(17, 10, 11);
    /** The RAML's enumeration, and the codes index.md lists beside it: either names a valid TariffReference. */
    static final Set<String> TARIFF_REFERENCES = Set.of(
            "COOL_ABERRANT", "GENERAL_CARGO", "MINERAL_WATER", "CHILLED_0_4", "TIRES", "COOL_5_8", "FISH_0_4",
            "FROZEN_CARGO", "FROST_FREE_CARGO", "EARLY_DELIVERY", "LATE_DELIVERY", "SPECIAL_CARGO", "COOL_0_2",
            "CHLR", "GNCG", "BWRG", "CHLL", "DEKK", "COOL", "FISH", "FRZE", "WARM", "GCED", "GCLD", "SPCL", "CH02");
    private static final ZoneId BRING_ZONE = ZoneId.of("Europe/Oslo");

    private final boolean rejectPastDates;
    private final Clock clock;

    ShipmentRules(boolean rejectPastDates, Clock clock) {
        this.rejectPastDates = rejectPastDates;
        this.clock = clock;
    }

    List<String> violations(SandboxCall call) {
        List<String> errors = new ArrayList<>();
        BringShipment shipment = call.request().getShipment();
        endpoint(call, shipment, errors);
        headers(call, shipment, errors);
        dates(shipment, errors);
        transportCompany(shipment, errors);
        services(shipment, errors);
        dangerousGoods(shipment, errors);
        consignmentValue(call, shipment, errors);
        packages(call, shipment, errors);
        return errors;
    }

    private static void endpoint(SandboxCall call, BringShipment shipment, List<String> errors) {
        Endpoint endpoint = call.endpoint();
        if (shipment.getShipmentType() != endpoint.shipmentType()) {
            errors.add(endpoint.path() + " takes shipmentType " + endpoint.shipmentType().value()
                    + ", not " + shipment.getShipmentType().value());
        }
        if (call.xmlRoot() != null && !call.xmlRoot().equals(endpoint.root())) {
            errors.add(endpoint.path() + " takes a " + endpoint.root() + ", not a " + call.xmlRoot());
        }
    }

    private static void headers(SandboxCall call, BringShipment shipment, List<String> errors) {
        BringShipmentHeaders headers = shipment.getShipmentHeaders();
        if (!hasText(headers.getSendersReference())) {
            errors.add("ShipmentHeaders SendersReference must have a value");
        }
        int packages = shipment.getGoodsItem().stream().mapToInt(item -> item.getPackage().size()).sum();
        String declared = headers.getNumberOfPackages();
        if (!declared.matches("\\d{1,9}")) {
            errors.add("ShipmentHeaders NumberOfPackages must be a number: " + declared);
        } else if (Integer.parseInt(declared) != packages) {
            errors.add("ShipmentHeaders NumberOfPackages is " + declared + " but the GoodsItems hold " + packages + " packages");
        }
        String shipmentId = headers.getShipmentId();
        boolean original = shipment.getUpdateIndicator() == BringUpdateIndicator.ORIGINAL;
        if (!hasText(shipmentId)) {
            if (!original) {
                errors.add("ShipmentHeaders shipmentId is required with updateIndicator " + shipment.getUpdateIndicator().value());
            } else if (!call.createShipmentId()) {
                errors.add("ShipmentHeaders shipmentId is required with shipmentId=false");
            }
        } else if (!SHIPMENT_ID_LENGTHS.contains(shipmentId.length())) {
            errors.add("ShipmentHeaders shipmentId must have 17 (GS1), 10 (SIS) or 11 (UPS) characters: " + shipmentId);
        }
    }

    private void dates(BringShipment shipment, List<String> errors) {
        if (shipment.getDateAndTimes().stream().noneMatch(date -> date.getSubClass() == BringDateTimeType.DOCUMENT_DATE)) {
            errors.add("DateAndTimes with subClass DocumentDate is required");
        }
        if (!rejectPastDates) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(BRING_ZONE));
        for (BringDateAndTime date : shipment.getDateAndTimes()) {
            if (date.getSubClass() != BringDateTimeType.DOCUMENT_DATE && localDate(date).isBefore(today)) {
                errors.add("DateAndTimes " + date.getSubClass().value() + " " + date.getDateTime() + " is in the past");
            }
        }
    }

    private static void transportCompany(BringShipment shipment, List<String> errors) {
        List<BringAdditionalParty> companies = shipment.getAdditionalParty().stream()
                .filter(party -> party.getSubClass() == BringPartyType.TRANSPORT_COMPANY)
                .toList();
        if (companies.isEmpty()) {
            errors.add("An AdditionalParty with subClass TransportCompany is required");
        }
        for (BringAdditionalParty company : companies) {
            if (!TRANSPORT_COMPANIES.contains(company.getPartyId())) {
                errors.add("TransportCompany partyId must be one of " + sorted(TRANSPORT_COMPANIES) + ": " + company.getPartyId());
            }
            if (company.getSubPartyId() != null && !SUB_TRANSPORT_COMPANIES.contains(company.getSubPartyId())) {
                errors.add("TransportCompany subPartyId must be one of " + sorted(SUB_TRANSPORT_COMPANIES) + ": " + company.getSubPartyId());
            }
        }
    }

    private static void services(BringShipment shipment, List<String> errors) {
        if (!hasText(shipment.getProductAndService().getProductCode())) {
            errors.add("ProductAndService ProductCode must have a value");
        }
        String tariff = shipment.getProductAndService().getTariffReference();
        if (tariff != null && !TARIFF_REFERENCES.contains(tariff)) {
            errors.add("ProductAndService TariffReference must be a valid TariffReference: " + tariff);
        }
        List<String> codes = shipment.getProductAndService().getAdditionalService().stream()
                .map(BringAdditionalService::getAdditionalServiceCode)
                .toList();
        Set<String> vas = new LinkedHashSet<>();
        codes.stream().filter(code -> !vas.add(code)).distinct()
                .forEach(code -> errors.add("AdditionalServiceCode " + code + " may appear only once"));

        BringParty receiver = shipment.getReceiver();
        boolean cashOnDelivery = shipment.getCashOnDelivery() != null;
        boolean dangerousGoods = shipment.getGoodsItem().stream().anyMatch(item -> !item.getDangerousGoods().isEmpty());
        boolean deliveryParty = shipment.getAdditionalParty().stream().anyMatch(party -> party.getSubClass() == BringPartyType.DELIVERY_PARTY);
        require(vas.contains("1000"), cashOnDelivery, "AdditionalService 1000 requires CashOnDelivery", errors);
        require(cashOnDelivery, vas.contains("1000"), "CashOnDelivery requires AdditionalService 1000", errors);
        require(vas.contains("1036"), deliveryParty, "AdditionalService 1036 requires an AdditionalParty with subClass DeliveryParty", errors);
        require(vas.contains("1134"), hasText(receiver.getContactName()), "AdditionalService 1134 requires Receiver ContactName", errors);
        require(vas.contains("1142"), hasText(receiver.getContactName()) && hasText(receiver.getMobilePhone()),
                "AdditionalService 1142 requires Receiver ContactName and MobilePhone", errors);
        require(vas.contains("1150"), hasText(receiver.getEmail()), "AdditionalService 1150 requires Receiver Email", errors);
        require(vas.contains("1245"), dangerousGoods, "AdditionalService 1245 requires DangerousGoods", errors);
        require(dangerousGoods, vas.contains("1245"), "DangerousGoods requires AdditionalService 1245", errors);
    }

    /** The RAML: Flashpoint is required in every DangerousGoods, and the Sender's Name when there are any. */
    private static void dangerousGoods(BringShipment shipment, List<String> errors) {
        List<BringGoodsItem> items = shipment.getGoodsItem();
        boolean any = false;
        for (int item = 0; item < items.size(); item++) {
            List<BringDangerousGoods> goods = items.get(item).getDangerousGoods();
            for (int entry = 0; entry < goods.size(); entry++) {
                any = true;
                if (goods.get(entry).getFlashpoint() == null) {
                    errors.add("DangerousGoods " + (entry + 1) + " of GoodsItem " + (item + 1) + " has no Flashpoint, which is required");
                }
            }
        }
        BringParty sender = shipment.getSender();
        if (any && (sender == null || !hasText(sender.getName()))) {
            errors.add("Sender Name is required with DangerousGoods");
        }
    }

    /**
     * /sendbooking: "A consignment value must not be included as this would imply that the shipment itself, was to
     * be created." The value of the goods the request can carry is the packages' InsuranceValue.
     */
    private static void consignmentValue(SandboxCall call, BringShipment shipment, List<String> errors) {
        if (call.endpoint() != Endpoint.SEND_BOOKING) {
            return;
        }
        List<BringGoodsItem> items = shipment.getGoodsItem();
        for (int item = 0; item < items.size(); item++) {
            List<BringPackage> packages = items.get(item).getPackage();
            for (int pack = 0; pack < packages.size(); pack++) {
                if (packages.get(pack).getInsurance() != null) {
                    errors.add("Package " + (pack + 1) + " of GoodsItem " + (item + 1)
                            + " has an Insurance value: a booking must not include a consignment value");
                }
            }
        }
    }

    private static void packages(SandboxCall call, BringShipment shipment, List<String> errors) {
        if (call.createPackageIds() || shipment.getUpdateIndicator() == BringUpdateIndicator.DELETE) {
            return;
        }
        List<BringGoodsItem> items = shipment.getGoodsItem();
        for (int item = 0; item < items.size(); item++) {
            List<BringPackage> packages = items.get(item).getPackage();
            for (int pack = 0; pack < packages.size(); pack++) {
                if (!hasText(packages.get(pack).getPackageId())) {
                    errors.add("Package " + (pack + 1) + " of GoodsItem " + (item + 1) + " has no packageId, required with packageIds=false");
                }
            }
        }
    }

    private static LocalDate localDate(BringDateAndTime date) {
        // a time without offset is Norwegian time
        return date.getDateTime().toGregorianCalendar(TimeZone.getTimeZone(BRING_ZONE), null, null)
                .toZonedDateTime().withZoneSameInstant(BRING_ZONE).toLocalDate();
    }

    private static void require(boolean when, boolean then, String error, List<String> errors) {
        if (when && !then) {
            errors.add(error);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}

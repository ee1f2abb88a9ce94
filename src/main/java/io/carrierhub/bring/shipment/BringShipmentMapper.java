package io.carrierhub.bring.shipment;

import io.carrierhub.bring.shipment.model.BringAccountNumber;
import io.carrierhub.bring.shipment.model.BringAccountType;
import io.carrierhub.bring.shipment.model.BringAdditionalParty;
import io.carrierhub.bring.shipment.model.BringAdditionalService;
import io.carrierhub.bring.shipment.model.BringAddress;
import io.carrierhub.bring.shipment.model.BringAmount;
import io.carrierhub.bring.shipment.model.BringCashOnDelivery;
import io.carrierhub.bring.shipment.model.BringDangerousGoods;
import io.carrierhub.bring.shipment.model.BringDateAndTime;
import io.carrierhub.bring.shipment.model.BringDateTimeType;
import io.carrierhub.bring.shipment.model.BringDeliveryLocation;
import io.carrierhub.bring.shipment.model.BringDeliveryTerms;
import io.carrierhub.bring.shipment.model.BringDimensions;
import io.carrierhub.bring.shipment.model.BringFlashpoint;
import io.carrierhub.bring.shipment.model.BringFreeText;
import io.carrierhub.bring.shipment.model.BringFreeTextLine;
import io.carrierhub.bring.shipment.model.BringGoodsItem;
import io.carrierhub.bring.shipment.model.BringGoodsTemperature;
import io.carrierhub.bring.shipment.model.BringHazardMeasures;
import io.carrierhub.bring.shipment.model.BringIdentifierType;
import io.carrierhub.bring.shipment.model.BringIdentities;
import io.carrierhub.bring.shipment.model.BringInsurance;
import io.carrierhub.bring.shipment.model.BringLength;
import io.carrierhub.bring.shipment.model.BringLengthUnit;
import io.carrierhub.bring.shipment.model.BringMeasure;
import io.carrierhub.bring.shipment.model.BringMonetaryAccount;
import io.carrierhub.bring.shipment.model.BringMoney;
import io.carrierhub.bring.shipment.model.BringPackage;
import io.carrierhub.bring.shipment.model.BringParty;
import io.carrierhub.bring.shipment.model.BringProductAndService;
import io.carrierhub.bring.shipment.model.BringReference;
import io.carrierhub.bring.shipment.model.BringRestriction;
import io.carrierhub.bring.shipment.model.BringRestrictionType;
import io.carrierhub.bring.shipment.model.BringShipment;
import io.carrierhub.bring.shipment.model.BringShipmentHeaders;
import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.bring.shipment.model.BringShipmentResponse;
import io.carrierhub.bring.shipment.model.BringShipmentType;
import io.carrierhub.bring.shipment.model.BringTemperatureRange;
import io.carrierhub.bring.shipment.model.BringTransactionIdentifier;
import io.carrierhub.bring.shipment.model.BringUndgInformation;
import io.carrierhub.bring.shipment.model.BringUpdateIndicator;
import io.carrierhub.bring.shipment.model.BringVolume;
import io.carrierhub.bring.shipment.model.BringVolumeUnit;
import io.carrierhub.bring.shipment.model.BringWeight;
import io.carrierhub.bring.shipment.model.BringWeightUnit;
import io.carrierhub.bring.shipment.model.ObjectFactory;
import io.carrierhub.order.model.AdditionalService;
import io.carrierhub.order.model.Address;
import io.carrierhub.order.model.BankAccount;
import io.carrierhub.order.model.BookingType;
import io.carrierhub.order.model.CashOnDelivery;
import io.carrierhub.order.model.Contact;
import io.carrierhub.order.model.DangerousGoods;
import io.carrierhub.order.model.DeliveryTerms;
import io.carrierhub.order.model.Dimensions;
import io.carrierhub.order.model.GoodsItem;
import io.carrierhub.order.model.HazardMeasure;
import io.carrierhub.order.model.Instruction;
import io.carrierhub.order.model.InstructionType;
import io.carrierhub.order.model.Insurance;
import io.carrierhub.order.model.Length;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.Package;
import io.carrierhub.order.model.Party;
import io.carrierhub.order.model.References;
import io.carrierhub.order.model.Restriction;
import io.carrierhub.order.model.RoleParty;
import io.carrierhub.order.model.Service;
import io.carrierhub.order.model.Temperature;
import io.carrierhub.order.model.TemperatureRequirements;
import io.carrierhub.order.model.Totals;
import io.carrierhub.order.model.TypedReference;
import io.carrierhub.order.model.Volume;
import io.carrierhub.order.model.Weight;
import jakarta.xml.bind.JAXBElement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Maps a canonical order to a Bring Shipment API request, and Bring's response to the ids the hub keeps.
 * Canonical codes become Bring's; values pass unchanged, so decimals keep the scale the ERP wrote them with.
 */
public class BringShipmentMapper {

    private static final String REQUEST_VERSION = "1";

    private final ObjectFactory roots = new ObjectFactory();

    /** What Bring answered: the ids it assigned (packages in request order) or its errors. */
    public record Result(String status, String statusText, String shipmentId, List<String> packageIds, String errors) {

        public boolean ok() {
            return "OK".equals(status) || "OK_CONFIRMED".equals(status);
        }
    }

    /**
     * The request for {@code /sendbooking} (root CreateBookingRequest, shipmentType Booking) when the order is a
     * booking, else for {@code /sendshipment} (CreateShipmentRequest, Instruction).
     *
     * @param updateIndicator Original, Update or Delete
     * @param receivedAt      when the hub received the order: the DocumentDate of an order without createdAt, as every
     *                        request to Bring carries one; asked only for such an order
     */
    public JAXBElement<BringShipmentRequest> toRequest(Order order, String updateIndicator, XMLGregorianCalendar requestDate,
                                                       Supplier<XMLGregorianCalendar> receivedAt) {
        boolean booking = order.getService().getBookingType() == BookingType.BOOKING;
        BringShipmentRequest request = new BringShipmentRequest();
        request.setRequestVersion(REQUEST_VERSION);
        request.setRequestDate(requestDate);
        request.setShipment(shipment(order, BringUpdateIndicator.fromValue(updateIndicator),
                booking ? BringShipmentType.BOOKING : BringShipmentType.INSTRUCTION,
                order.getCreatedAt() != null ? order.getCreatedAt() : receivedAt.get()));
        return booking ? roots.createCreateBookingRequest(request) : roots.createCreateShipmentRequest(request);
    }

    public Result toResult(BringShipmentResponse response) {
        List<BringIdentities> identities = response.getIdentities();
        String shipmentId = identities.stream().map(BringIdentities::getShipmentId).filter(Objects::nonNull).findFirst().orElse(null);
        List<String> packageIds = identities.stream().flatMap(identity -> identity.getPackageId().stream()).toList();
        String errors = response.getErrors().stream()
                .map(error -> Objects.toString(error.getError(), "ERROR") + ": " + Objects.toString(error.getErrorText(), ""))
                .collect(Collectors.joining("; "));
        return new Result(response.getStatus(), response.getStatusText(), shipmentId, packageIds, errors.isEmpty() ? null : errors);
    }

    private BringShipment shipment(Order order, BringUpdateIndicator updateIndicator, BringShipmentType type,
                                   XMLGregorianCalendar documentDate) {
        BringShipment shipment = new BringShipment();
        shipment.setUpdateIndicator(updateIndicator);
        shipment.setShipmentType(type);
        shipment.setShipmentHeaders(headers(order));
        order.getDate().forEach(date -> shipment.getDateAndTimes().add(dateAndTime(BringCodes.subClass(date.getType()), date.getValue())));
        shipment.getDateAndTimes().add(dateAndTime(BringDateTimeType.DOCUMENT_DATE, documentDate));
        shipment.setSender(party(order.getSender(), new BringParty()));
        shipment.setReceiver(party(order.getReceiver(), new BringParty()));
        order.getParty().forEach(party -> shipment.getAdditionalParty().add(additionalParty(party)));
        shipment.setProductAndService(productAndService(order.getService()));
        shipment.setCustomsClearance(BringCustoms.clearance(order.getCustomsClearance()));
        shipment.setDeliveryTerms(map(order.getDeliveryTerms(), this::deliveryTerms));
        shipment.setCashOnDelivery(map(order.getCashOnDelivery(), this::cashOnDelivery));
        order.getGoodsItem().forEach(item -> shipment.getGoodsItem().add(goodsItem(item)));
        return shipment;
    }

    /** Bring requires a senders reference: without one from the ERP, the order id is it. */
    private BringShipmentHeaders headers(Order order) {
        BringShipmentHeaders headers = new BringShipmentHeaders();
        References references = order.getReferences();
        if (references != null) {
            headers.setSendersReference(references.getSendersReference());
            headers.setReceiversReference(references.getReceiversReference());
            headers.setShipmentId(references.getShipmentId());
            references.getReference().forEach(reference -> headers.getAdditionalReference().add(reference(reference)));
        }
        if (headers.getSendersReference() == null) {
            headers.setSendersReference(order.getOrderId());
        }
        headers.setNumberOfPackages(String.valueOf(order.getGoodsItem().stream().mapToInt(item -> item.getPackage().size()).sum()));
        headers.getFreeText().addAll(freeTexts(order.getInstruction()));
        Totals totals = order.getTotals();
        if (totals != null) {
            headers.setGrossWeight(map(totals.getGrossWeight(), this::weight));
            headers.setGrossVolume(map(totals.getGrossVolume(), this::volume));
            headers.setLoadingMetres(totals.getLoadingMetres());
            headers.setPalletFootPrints(totals.getPalletFootPrints());
            headers.setHazardPoints(totals.getHazardPoints());
        }
        return headers;
    }

    /** One FreeText per usage, its Texts in the order the ERP gave them. */
    private Collection<BringFreeText> freeTexts(List<Instruction> instructions) {
        Map<InstructionType, BringFreeText> byType = new LinkedHashMap<>();
        for (Instruction instruction : instructions) {
            BringFreeTextLine line = new BringFreeTextLine();
            line.setValue(instruction.getValue());
            line.setSequence(map(instruction.getSequence(), BigInteger::toString));
            byType.computeIfAbsent(instruction.getType(), type -> {
                BringFreeText text = new BringFreeText();
                text.setUsageCode(BringCodes.usageCode(type));
                return text;
            }).getText().add(line);
        }
        return byType.values();
    }

    private BringDateAndTime dateAndTime(BringDateTimeType subClass, XMLGregorianCalendar value) {
        BringDateAndTime dateAndTime = new BringDateAndTime();
        dateAndTime.setSubClass(subClass);
        dateAndTime.setDateTime(value);
        return dateAndTime;
    }

    private BringAdditionalParty additionalParty(RoleParty from) {
        BringAdditionalParty party = party(from, new BringAdditionalParty());
        party.setSubClass(BringCodes.partyType(from.getRole()));
        return party;
    }

    private <P extends BringParty> P party(Party from, P party) {
        party.setPartyId(from.getPartyId());
        party.setSubPartyId(from.getSubPartyId());
        party.setName(from.getName());
        party.setAddress(map(from.getAddress(), this::address));
        Contact contact = from.getContact();
        if (contact != null) {
            party.setContactName(contact.getName());
            party.setPhone(contact.getPhone());
            party.setMobilePhone(contact.getMobilePhone());
            party.setEmail(contact.getEmail());
            party.setFax(contact.getFax());
        }
        from.getReference().forEach(reference -> party.getReference().add(reference(reference)));
        return party;
    }

    private BringAddress address(Address from) {
        BringAddress address = new BringAddress();
        address.getAddressLine().addAll(from.getLine());
        address.setPostalCode(from.getPostalCode());
        address.setCity(from.getCity());
        address.setStateOrRegion(from.getStateOrRegion());
        address.setCountryCode(from.getCountryCode());
        return address;
    }

    private BringReference reference(TypedReference from) {
        BringReference reference = new BringReference();
        reference.setReferenceType(from.getType());
        reference.setReferenceValue(from.getValue());
        return reference;
    }

    private BringProductAndService productAndService(Service from) {
        BringProductAndService service = new BringProductAndService();
        service.setProductCode(from.getProductCode());
        from.getAdditionalService().forEach(additional -> service.getAdditionalService().add(additionalService(additional)));
        service.setTariffReference(from.getTariffReference());
        service.setNatureOfCargo(from.getNatureOfCargo());
        return service;
    }

    private BringAdditionalService additionalService(AdditionalService from) {
        BringAdditionalService service = new BringAdditionalService();
        service.setAdditionalServiceCode(from.getCode());
        service.getServiceRequirements().addAll(from.getRequirement());
        return service;
    }

    private BringDeliveryTerms deliveryTerms(DeliveryTerms from) {
        BringDeliveryTerms terms = new BringDeliveryTerms();
        terms.setTermsType(BringCodes.termsType(from.getTermsType()));
        terms.setConditionCode(from.getConditionCode());
        if (from.getCity() != null || from.getCountryCode() != null) {
            BringDeliveryLocation location = new BringDeliveryLocation();
            location.setCity(from.getCity());
            location.setCountryCode(from.getCountryCode());
            terms.setLocation(location);
        }
        return terms;
    }

    private BringCashOnDelivery cashOnDelivery(CashOnDelivery from) {
        BringCashOnDelivery cod = new BringCashOnDelivery();
        cod.setCodType(from.getCodType());
        cod.setCodeListIdentifier(from.getCodeListIdentifier());
        cod.setCodeListAgencyIdentifier(from.getCodeListAgencyIdentifier());
        cod.setName(from.getName());
        cod.setTransactionIdentifier(map(from.getTransactionIdentifier(), transaction -> {
            BringTransactionIdentifier identifier = new BringTransactionIdentifier();
            identifier.setIdentifierType(BringCodes.code(BringIdentifierType.values(), BringIdentifierType::value,
                    transaction.getIdentifierType(), "cash on delivery identifierType"));
            identifier.setAccountType(transaction.getAccountType());
            identifier.setValue(transaction.getValue());
            return identifier;
        }));
        BringAmount amount = new BringAmount();
        amount.setCurrencyCode(from.getCurrency());
        amount.setValue(map(from.getAmount(), BigDecimal::toPlainString));
        cod.setAmount(amount);
        cod.setControlDigit(from.getControlDigit());
        cod.getDocumentId().addAll(from.getDocumentId());
        cod.setMonetaryAccount(map(from.getAccount(), this::monetaryAccount));
        return cod;
    }

    private BringMonetaryAccount monetaryAccount(BankAccount from) {
        BringAccountNumber number = new BringAccountNumber();
        number.setAccountType(BringCodes.code(BringAccountType.values(), BringAccountType::value,
                from.getAccountNumber().getAccountType(), "bank accountType"));
        number.setChannel(from.getAccountNumber().getChannel());
        number.setValue(from.getAccountNumber().getValue());
        BringMonetaryAccount account = new BringMonetaryAccount();
        account.setAccountNumber(number);
        account.setSwiftCode(from.getSwiftCode());
        account.setBankName(from.getBankName());
        account.setAccountHolderName(from.getHolderName());
        return account;
    }

    private BringGoodsItem goodsItem(GoodsItem from) {
        BringGoodsItem item = new BringGoodsItem();
        item.setPackageTypeCode(from.getPackageType());
        item.setGoodsDescription(from.getDescription());
        item.setLoadCarrier(from.getLoadCarrier());
        item.setSealId(from.getSealId());
        item.setTemperature(map(from.getTemperature(), this::temperature));
        from.getPackage().forEach(pkg -> item.getPackage().add(pkg(pkg)));
        from.getCustomsDetails().forEach(details -> item.getCustomsDetails().add(BringCustoms.details(details)));
        from.getDangerousGoods().forEach(goods -> item.getDangerousGoods().add(dangerousGoods(goods)));
        return item;
    }

    private BringGoodsTemperature temperature(TemperatureRequirements from) {
        BringGoodsTemperature temperature = new BringGoodsTemperature();
        temperature.setTransport(map(from.getTransport(), this::temperatureRange));
        temperature.setStorage(map(from.getStorage(), this::temperatureRange));
        return temperature;
    }

    private BringTemperatureRange temperatureRange(Temperature from) {
        BringTemperatureRange range = new BringTemperatureRange();
        range.setUnitCode(BringCodes.unit(from.getUnit()));
        range.setMinimum(map(from.getMinimum(), BigDecimal::toPlainString));
        range.setMaximum(map(from.getMaximum(), BigDecimal::toPlainString));
        range.setValue(from.getValue());
        return range;
    }

    private BringPackage pkg(Package from) {
        BringPackage pkg = new BringPackage();
        pkg.setPackageId(from.getPackageId());
        pkg.setGrossWeight(map(from.getGrossWeight(), this::weight));
        pkg.setGrossVolume(map(from.getGrossVolume(), this::volume));
        pkg.setDimensions(map(from.getDimensions(), this::dimensions));
        pkg.setInsurance(map(from.getInsurance(), this::insurance));
        return pkg;
    }

    private BringDimensions dimensions(Dimensions from) {
        BringDimensions dimensions = new BringDimensions();
        dimensions.setHeight(length(from.getHeight()));
        dimensions.setLength(length(from.getLength()));
        dimensions.setWidth(length(from.getWidth()));
        return dimensions;
    }

    private BringInsurance insurance(Insurance from) {
        BringMoney value = new BringMoney();
        value.setCurrencyCode(from.getValue().getCurrency());
        value.setValue(from.getValue().getValue());
        BringInsurance insurance = new BringInsurance();
        insurance.setInsuranceValue(value);
        insurance.setGoodsDescription(from.getDescription());
        insurance.setEmail(from.getEmail());
        return insurance;
    }

    private BringDangerousGoods dangerousGoods(DangerousGoods from) {
        BringDangerousGoods goods = new BringDangerousGoods();
        goods.setRegulationCode(from.getRegulationCode());
        BringUndgInformation undg = new BringUndgInformation();
        undg.setHazardIdentifier(from.getUnNumber());
        undg.setFlashpointDescription(from.getFlashpointDescription());
        goods.setUNDGInformation(undg);
        goods.setFlashpoint(map(from.getFlashpoint(), flashpoint -> {
            BringFlashpoint point = new BringFlashpoint();
            point.setUnitCode(BringCodes.unit(flashpoint.getUnit()));
            point.setValue(flashpoint.getValue());
            return point;
        }));
        goods.setHazardClass(from.getHazardClass());
        goods.setAdditionalHazard(from.getAdditionalHazard());
        goods.setPackingGroup(from.getPackingGroup());
        from.getMeasure().forEach(measure -> goods.getMeasures().add(measures(measure)));
        goods.setTechnicalName(from.getTechnicalName());
        from.getRestriction().forEach(restriction -> goods.getRestrictions().add(restriction(restriction)));
        goods.setHazardPoints(from.getHazardPoints());
        return goods;
    }

    private BringHazardMeasures measures(HazardMeasure from) {
        BringMeasure measure = new BringMeasure();
        measure.setUnitCode(BringCodes.measureUnit(from.getUnit()));
        measure.setValue(from.getValue());
        BringHazardMeasures measures = new BringHazardMeasures();
        measures.setSubClass(from.getType());
        measures.setMeasure(measure);
        return measures;
    }

    private BringRestriction restriction(Restriction from) {
        BringRestriction restriction = new BringRestriction();
        restriction.setRestrictionType(BringCodes.code(BringRestrictionType.values(), BringRestrictionType::value,
                from.getType(), "dangerous goods restriction type"));
        restriction.setValue(from.getValue());
        return restriction;
    }

    private BringWeight weight(Weight from) {
        BringWeight weight = new BringWeight();
        weight.setUnitCode(switch (from.getUnit()) {
            case G -> BringWeightUnit.GRM;
            case KG -> BringWeightUnit.KGM;
        });
        weight.setValue(from.getValue());
        return weight;
    }

    private BringVolume volume(Volume from) {
        BringVolume volume = new BringVolume();
        volume.setUnitCode(switch (from.getUnit()) {
            case DM_3 -> BringVolumeUnit.DMQ;
            case M_3 -> BringVolumeUnit.MTQ;
        });
        volume.setValue(from.getValue());
        return volume;
    }

    private BringLength length(Length from) {
        BringLength length = new BringLength();
        length.setUnitCode(switch (from.getUnit()) {
            case CM -> BringLengthUnit.CMT;
            case DM -> BringLengthUnit.DMT;
            case M -> BringLengthUnit.MTR;
        });
        length.setValue(from.getValue());
        return length;
    }

    private static <T, R> R map(T value, Function<T, R> mapping) {
        return value == null ? null : mapping.apply(value);
    }
}

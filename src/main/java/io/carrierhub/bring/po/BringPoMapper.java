package io.carrierhub.bring.po;

import io.carrierhub.bring.po.model.Address;
import io.carrierhub.bring.po.model.ArticleMonetaryAmounts;
import io.carrierhub.bring.po.model.Contact;
import io.carrierhub.bring.po.model.CreateEventRequest;
import io.carrierhub.bring.po.model.CreatePurchaseOrderRequest;
import io.carrierhub.bring.po.model.DateAndTimes;
import io.carrierhub.bring.po.model.Description;
import io.carrierhub.bring.po.model.Event;
import io.carrierhub.bring.po.model.EventType;
import io.carrierhub.bring.po.model.OrderLineSet;
import io.carrierhub.bring.po.model.PackingListItem;
import io.carrierhub.bring.po.model.PackingListSet;
import io.carrierhub.bring.po.model.Party;
import io.carrierhub.bring.po.model.PurchaseOrder;
import io.carrierhub.bring.po.model.PurchaseOrderSet;
import io.carrierhub.bring.po.model.Reference;
import io.carrierhub.bring.po.model.RequestProperties;
import io.carrierhub.bring.po.model.TermsOfDelivery;
import io.carrierhub.bring.po.model.TransportOrder;
import io.carrierhub.bring.po.model.TransportOrderRequest;
import io.carrierhub.bring.po.model.UnitPrice;
import io.carrierhub.bring.po.model.UpdateIndicator;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.DateOfType;
import io.carrierhub.order.model.DateType;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.OrderItem;
import io.carrierhub.order.model.OrderLine;
import io.carrierhub.order.model.PackingLine;
import io.carrierhub.order.model.PartyRole;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.order.model.TypedReference;
import io.carrierhub.xml.XmlDates;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The canonical order in Bring Purchase Order's words: an order is a purchase order (its id the PO's orderId), its
 * sender the OrderingParty, its receiver the DeliveryParty, its lines OrderLineSets; a transport order is a packing
 * list of it. Choices where Bring's documents are silent are in docs/carriers/bring-po.md.
 */
public class BringPoMapper {

    private final BringPoProperties properties;
    private final Clock clock;

    public BringPoMapper(BringPoProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Every request's RequestProperties: the hub's schema version and locale, and the time of the request. */
    public RequestProperties requestProperties() {
        RequestProperties request = new RequestProperties();
        request.setSchemaVersion(properties.schemaVersion());
        request.setLocale(properties.locale());
        request.setDateAndTimes(date("RequestDate", XmlDates.now(clock)));
        return request;
    }

    /** @param documentDate when the ERP created the order, else when the hub first received it */
    public CreatePurchaseOrderRequest purchaseOrder(Order order, UpdateIndicator indicator, XMLGregorianCalendar documentDate) {
        CreatePurchaseOrderRequest request = new CreatePurchaseOrderRequest();
        request.setRequestProperties(requestProperties());
        request.setCustomerNo(customerNo(order));
        PurchaseOrderSet set = new PurchaseOrderSet();
        set.setUpdateIndicator(indicator);
        PurchaseOrder purchaseOrder = new PurchaseOrder();
        purchaseOrder.setOrderId(order.getOrderId());
        if (order.getReferences() != null) {
            if (order.getReferences().getSendersReference() != null) {
                purchaseOrder.getReference().add(reference(order.getReferences().getSendersReference(), "ON", "Buyers order number"));
            }
            for (TypedReference typed : order.getReferences().getReference()) {
                purchaseOrder.getReference().add(reference(typed.getValue(), typed.getType(), null));
            }
        }
        purchaseOrder.getDateAndTimes().add(date("DocumentDate", documentDate));
        if (order.getDeliveryTerms() != null) {
            TermsOfDelivery terms = new TermsOfDelivery();
            terms.setTODConditionCode(order.getDeliveryTerms().getConditionCode());
            terms.setTODConditionCodeList(termsList(order.getDeliveryTerms().getTermsType().value()));
            terms.setTODLocation(order.getDeliveryTerms().getCity());
            purchaseOrder.setTermsOfDelivery(terms);
        }
        set.setPurchaseOrder(purchaseOrder);
        set.getParty().add(party(order.getSender(), "OrderingParty"));
        set.getParty().add(party(order.getReceiver(), "DeliveryParty"));
        order.getParty().stream().filter(party -> party.getRole() == PartyRole.SUPPLIER)
                .forEach(party -> set.getParty().add(party(party, "Supplier")));
        XMLGregorianCalendar requested = order.getDate().stream().filter(date -> date.getType() == DateType.DELIVERY_REQUESTED)
                .map(DateOfType::getValue).findFirst().orElse(null);
        for (OrderLine line : order.getOrderLine()) {
            OrderLineSet lineSet = new OrderLineSet();
            lineSet.setOrderLineId(line.getLineId().intValueExact());
            line.getItem().forEach(item -> lineSet.getOrderItem().add(item(item, requested)));
            set.getOrderLineSet().add(lineSet);
        }
        set.getDateAndTimes().add(date("DocumentDate", documentDate));
        request.setPurchaseOrderSet(set);
        return request;
    }

    /** A packing list of the purchase order {@code purchaseOrderNo}. */
    public TransportOrderRequest transportOrder(io.carrierhub.order.model.TransportOrder transport, String customerNo) {
        TransportOrderRequest request = new TransportOrderRequest();
        request.setRequestProperties(requestProperties());
        request.setCustomerNo(customerNo);
        request.setPurchaseOrderNo(transport.getOrderId());
        TransportOrder order = new TransportOrder();
        order.setConsignmentId(transport.getConsignmentId());
        order.setPackageId(transport.getPackageId());
        for (PackingLine line : transport.getPackingLine()) {
            PackingListSet set = new PackingListSet();
            set.setOrderLineId(line.getLineId().intValueExact());
            PackingListItem item = new PackingListItem();
            item.setArticleLineId(line.getArticleLineId().intValueExact());
            item.setArticleQuantity(line.getQuantity());
            item.setArticleNumber(line.getArticleNumber());
            set.getPackingListItem().add(item);
            order.getPackingListSet().add(set);
        }
        request.setTransportOrder(order);
        return request;
    }

    /**
     * What Bring is told of the hub's event types (CreateEvent's EventType, docs/carriers/bring-po.md): an ACCEPTED
     * that names a consignment is its packing list booked; CREATED, ASSIGNED and STARTED have no word at Bring.
     */
    static final Map<io.carrierhub.order.model.EventType, EventType> EVENT_TYPES = Map.of(
            io.carrierhub.order.model.EventType.ACCEPTED, EventType.BOOKED,
            io.carrierhub.order.model.EventType.PICKED_UP, EventType.PICKED_UP,
            io.carrierhub.order.model.EventType.IN_TRANSIT, EventType.IN_TRANSIT,
            io.carrierhub.order.model.EventType.ARRIVED, EventType.ARRIVED,
            io.carrierhub.order.model.EventType.DELIVERED, EventType.DELIVERED,
            io.carrierhub.order.model.EventType.DEVIATION, EventType.DEVIATION,
            io.carrierhub.order.model.EventType.RETURNED, EventType.RETURNED,
            io.carrierhub.order.model.EventType.CANCELLED, EventType.CANCELLED);

    /**
     * The hub's event as Bring's TMS events: one Event per consignment it names, of the mapped type, at the time it
     * happened, performed by its driver when it names one, else by this client ({@code client-url}). Empty for an
     * event Bring has no type for or that names no consignment (Bring's events are about consignments).
     */
    public Optional<CreateEventRequest> events(TmsEvent event) {
        EventType type = EVENT_TYPES.get(event.getEventType());
        List<String> consignments = event.getCarrierReference().stream()
                .filter(reference -> BringPoClient.CONSIGNMENT.equals(reference.getType()))
                .map(CarrierReference::getValue).toList();
        if (type == null || consignments.isEmpty()) {
            return Optional.empty();
        }
        String performedBy = event.getDriver() != null && event.getDriver().getName() != null
                ? event.getDriver().getName() : properties.clientUrl();
        CreateEventRequest request = new CreateEventRequest();
        request.setRequestProperties(requestProperties());
        for (String consignment : consignments) {
            Event told = new Event();
            told.setConsignmentId(consignment);
            told.setEventType(type);
            told.setPerformedBy(performedBy);
            told.setTimestamp(event.getOccurredAt());
            request.getEvent().add(told);
        }
        return Optional.of(request);
    }

    /** The Mybring customer number the purchase order belongs to: the ordering party's number at Bring. */
    public static String customerNo(Order order) {
        return order.getSender().getPartyId();
    }

    private static io.carrierhub.bring.po.model.OrderItem item(OrderItem source, XMLGregorianCalendar requested) {
        io.carrierhub.bring.po.model.OrderItem item = new io.carrierhub.bring.po.model.OrderItem();
        item.setArticleLineId(source.getArticleLineId().intValueExact());
        item.setArticleId(source.getArticleId());
        item.setArticleQuantity(source.getQuantity());
        item.setRemainingArticleQuantity(source.getRemainingQuantity());
        Description description = new Description();
        description.setText(source.getDescription());
        item.setDescription(description);
        XMLGregorianCalendar deliveryDate = source.getDeliveryDateRequested() != null ? source.getDeliveryDateRequested() : requested;
        if (deliveryDate != null) {
            item.getDateAndTimes().add(date("DeliveryDateRequested", deliveryDate));
        }
        if (source.getUnitPrice() != null) {
            UnitPrice price = new UnitPrice();
            price.setValue(source.getUnitPrice().getValue());
            price.setCurrencyIdentificationCode(source.getUnitPrice().getCurrency());
            ArticleMonetaryAmounts amounts = new ArticleMonetaryAmounts();
            amounts.setUnitPrice(price);
            item.setArticleMonetaryAmounts(amounts);
        }
        return item;
    }

    private static Party party(io.carrierhub.order.model.Party source, String subClass) {
        Party party = new Party();
        party.setSubClass(subClass);
        party.setPartyId(source.getPartyId());
        party.setName(source.getName());
        party.setVATNo(source.getVatNumber());
        if (source.getAddress() != null) {
            Address address = new Address();
            address.setSubClass("PhysicalAddress");
            List<String> lines = source.getAddress().getLine();
            address.setStreet(lines.isEmpty() ? null : lines.get(0));
            address.setAddressLine(lines.size() > 1 ? String.join(", ", lines.subList(1, lines.size())) : null);
            address.setPostalCode(source.getAddress().getPostalCode());
            address.setCity(source.getAddress().getCity());
            address.setStateOrRegion(source.getAddress().getStateOrRegion());
            address.setCountryCode(source.getAddress().getCountryCode());
            party.getAddress().add(address);
        }
        if (source.getContact() != null) {
            Contact contact = new Contact();
            contact.setContactName(source.getContact().getName());
            contact.setPhoneNo(source.getContact().getPhone());
            contact.setCellPhoneNo(source.getContact().getMobilePhone());
            contact.setTelefaxNo(source.getContact().getFax());
            contact.setMail(source.getContact().getEmail());
            party.setContact(contact);
        }
        return party;
    }

    private static Reference reference(String number, String type, String text) {
        Reference reference = new Reference();
        reference.setReferenceNo(number);
        reference.setReferenceType(type);
        reference.setText(text);
        return reference;
    }

    private static String termsList(String termsType) {
        return switch (termsType) {
            case "INCOTERMS" -> "Incoterms";
            case "FREIGHTTERMS" -> "Freightterms";
            case "COMBITERMS" -> "Combiterms";
            case "PREPAID" -> "PrePaid";
            default -> "ThirdParty";
        };
    }

    static DateAndTimes date(String subClass, XMLGregorianCalendar value) {
        DateAndTimes date = new DateAndTimes();
        date.setSubClass(subClass);
        date.setValue(value);
        return date;
    }
}

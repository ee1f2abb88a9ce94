package io.carrierhub.bring.po.sandbox;

import io.carrierhub.bring.po.model.CreateEventRequest;
import io.carrierhub.bring.po.model.CreatePurchaseOrderRequest;
import io.carrierhub.bring.po.model.DateAndTimes;
import io.carrierhub.bring.po.model.ErrorList;
import io.carrierhub.bring.po.model.ErrorType;
import io.carrierhub.bring.po.model.Event;
import io.carrierhub.bring.po.model.GetPurchaseOrderItemResponse;
import io.carrierhub.bring.po.model.GetPurchaseOrderResponse;
import io.carrierhub.bring.po.model.GetSenderStatusResponse;
import io.carrierhub.bring.po.model.GetTransportOrderResponse;
import io.carrierhub.bring.po.model.IsPurchaseorderCustomerRequest;
import io.carrierhub.bring.po.model.IsPurchaseorderCustomerResponse;
import io.carrierhub.bring.po.model.OrderItem;
import io.carrierhub.bring.po.model.OrderLineSet;
import io.carrierhub.bring.po.model.PackingListItem;
import io.carrierhub.bring.po.model.PackingListSet;
import io.carrierhub.bring.po.model.Party;
import io.carrierhub.bring.po.model.PurchaseOrderItem;
import io.carrierhub.bring.po.model.PurchaseOrderRequest;
import io.carrierhub.bring.po.model.PurchaseOrderSet;
import io.carrierhub.bring.po.model.RequestProperties;
import io.carrierhub.bring.po.model.ResponseProperties;
import io.carrierhub.bring.po.model.SenderStatus;
import io.carrierhub.bring.po.model.ShippingContainer;
import io.carrierhub.bring.po.model.ShippingContainerContent;
import io.carrierhub.bring.po.model.Status;
import io.carrierhub.bring.po.model.StatusResponse;
import io.carrierhub.bring.po.model.TransportOrder;
import io.carrierhub.bring.po.model.TransportOrderRequest;
import io.carrierhub.bring.po.model.TransportOrderSet;
import io.carrierhub.bring.po.model.UpdateIndicator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeFactory;

/**
 * Bring Purchase Order's behaviour, behind both the SOAP service and the REST XML resources: the purchase orders,
 * their lines, transport orders and events, a sender status that turns from OPEN to LOCKED, and each error code of
 * Bring's list in the situation its description names. Checks go in this order: RequestProperties (006, 003, 005,
 * 004), customer (001), purchase order number (002), login (STATE_002), access to the customer (STATE_004), then
 * the function's own.
 */
class PoDesk {

    static final Set<String> LOCALES = Set.of("en", "no", "sv", "da");
    static final Set<String> CONTAINER_TYPES = Set.of("PALLET", "PARCEL", "CONTAINER", "TRAILER", "CAGE");

    /** A refusal in Bring's words: the answer carries the code's Error. */
    static final class Refused extends RuntimeException {
        final String code;

        Refused(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }

    record Login(String uid, String key) {
    }

    /** A purchase order as the sandbox holds it. */
    static final class StoredOrder {
        final String customerNo;
        volatile PurchaseOrderSet set;
        final Instant createdAt;
        volatile boolean locked;
        final List<TransportOrder> transportOrders = new ArrayList<>();

        StoredOrder(String customerNo, PurchaseOrderSet set, Instant createdAt) {
            this.customerNo = customerNo;
            this.set = set;
            this.createdAt = createdAt;
        }
    }

    private final BringPoSandboxProperties settings;
    private final Clock clock;
    private final Map<String, StoredOrder> orders = new ConcurrentHashMap<>();
    private final List<Event> events = new ArrayList<>();

    PoDesk(BringPoSandboxProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    IsPurchaseorderCustomerResponse isCustomer(Login login, IsPurchaseorderCustomerRequest request) {
        IsPurchaseorderCustomerResponse response = new IsPurchaseorderCustomerResponse();
        answer(response::setResponseProperties, request.getRequestProperties(), () -> {
            String customerNo = customer(request.getCustomerNo());
            authorize(login, customerNo);
            response.setIsPurchaseOrderCustomer(settings.customers().contains(customerNo));
        });
        return response;
    }

    StatusResponse createPurchaseOrder(Login login, CreatePurchaseOrderRequest request) {
        StatusResponse response = new StatusResponse();
        answer(response::setResponseProperties, request.getRequestProperties(), () -> {
            String customerNo = customer(request.getCustomerNo());
            PurchaseOrderSet set = request.getPurchaseOrderSet();
            if (set == null || set.getUpdateIndicator() == null) {
                throw new Refused("PO_INPUT_019");
            }
            if (set.getPurchaseOrder() == null || blank(set.getPurchaseOrder().getOrderId())) {
                throw new Refused("PO_INPUT_002");
            }
            authorize(login, customerNo);
            if (!settings.customers().contains(customerNo)) {
                throw new Refused("PO_INPUT_001");
            }
            String key = key(customerNo, set.getPurchaseOrder().getOrderId());
            StoredOrder stored = orders.get(key);
            if (set.getUpdateIndicator() == UpdateIndicator.ORIGINAL && stored != null) {
                throw new Refused("PO_INPUT_024");
            }
            if (set.getUpdateIndicator() != UpdateIndicator.ORIGINAL && stored == null) {
                throw new Refused("PO_STATE_001");
            }
            if (set.getUpdateIndicator() == UpdateIndicator.DELETE) {
                orders.remove(key);
                return;
            }
            requireContent(set);
            if (stored == null) {
                orders.put(key, new StoredOrder(customerNo, set, clock.instant()));
            } else {
                stored.set = set;
            }
        });
        response.setStatus(response.getResponseProperties().getError() == null ? Status.OK : Status.FAILED);
        return response;
    }

    GetPurchaseOrderResponse getPurchaseOrder(Login login, PurchaseOrderRequest request) {
        GetPurchaseOrderResponse response = new GetPurchaseOrderResponse();
        answer(response::setResponseProperties, request.getRequestProperties(), () -> {
            StoredOrder stored = order(login, request, "PO_STATE_001");
            stored.set.getPurchaseOrder().setSenderStatus(senderStatus(stored));
            response.setPurchaseOrderSet(stored.set);
        });
        return response;
    }

    GetPurchaseOrderItemResponse getItems(Login login, PurchaseOrderRequest request) {
        GetPurchaseOrderItemResponse response = new GetPurchaseOrderItemResponse();
        answer(response::setResponseProperties, request.getRequestProperties(), () -> {
            StoredOrder stored = order(login, request, "PO_STATE_003");
            if (stored.set.getOrderLineSet().isEmpty()) {
                throw new Refused("PO_STATE_003");
            }
            PurchaseOrderItem items = new PurchaseOrderItem();
            items.getOrderLineSet().addAll(stored.set.getOrderLineSet());
            response.setUpdateIndicator(UpdateIndicator.ORIGINAL);
            response.setPurchaseOrderItem(items);
        });
        return response;
    }

    GetTransportOrderResponse getTransportOrders(Login login, PurchaseOrderRequest request) {
        GetTransportOrderResponse response = new GetTransportOrderResponse();
        answer(response::setResponseProperties, request.getRequestProperties(), () -> {
            StoredOrder stored = order(login, request, "PO_STATE_001");
            synchronized (stored.transportOrders) {
                if (stored.transportOrders.isEmpty()) {
                    throw new Refused("PO_STATE_005");
                }
                TransportOrderSet set = new TransportOrderSet();
                set.getTransportOrder().addAll(stored.transportOrders);
                response.setTransportOrderSet(set);
            }
        });
        return response;
    }

    StatusResponse createTransportOrder(Login login, TransportOrderRequest request) {
        StatusResponse response = new StatusResponse();
        answer(response::setResponseProperties, request.getRequestProperties(), () -> {
            String customerNo = customer(request.getCustomerNo());
            if (blank(request.getPurchaseOrderNo())) {
                throw new Refused("PO_INPUT_002");
            }
            authorize(login, customerNo);
            TransportOrder transport = request.getTransportOrder();
            if (transport == null) {
                throw new Refused("PO_INPUT_020");
            }
            if (blank(transport.getConsignmentId())) {
                throw new Refused("PO_INPUT_007");
            }
            StoredOrder stored = orders.get(key(customerNo, request.getPurchaseOrderNo()));
            if (stored == null) {
                throw new Refused("PO_INPUT_010");
            }
            checkContainers(transport.getShippingContainer());
            checkItems(stored, transport);
            synchronized (stored.transportOrders) {
                stored.transportOrders.add(transport);
            }
        });
        response.setStatus(response.getResponseProperties().getError() == null ? Status.OK : Status.FAILED);
        return response;
    }

    GetSenderStatusResponse senderStatus(Login login, PurchaseOrderRequest request) {
        GetSenderStatusResponse response = new GetSenderStatusResponse();
        answer(response::setResponseProperties, request.getRequestProperties(), () -> {
            StoredOrder stored;
            try {
                stored = order(login, request, "PO_STATE_001");
            } catch (Refused refused) {
                response.setSenderStatus(SenderStatus.NOT_FOUND);
                throw refused;
            }
            response.setSenderStatus(senderStatus(stored));
        });
        return response;
    }

    StatusResponse createEvents(Login login, CreateEventRequest request) {
        StatusResponse response = new StatusResponse();
        answer(response::setResponseProperties, request.getRequestProperties(), () -> {
            authenticate(login);
            if (request.getEvent().isEmpty()) {
                throw new Refused("PO_INPUT_019");
            }
            for (Event event : request.getEvent()) {
                if (blank(event.getConsignmentId())) {
                    throw new Refused("PO_INPUT_007");
                }
                if (event.getEventType() == null) {
                    throw new Refused("PO_INPUT_008");
                }
                if (event.getTimestamp() == null) {
                    throw new Refused("PO_INPUT_009");
                }
                if (!consignmentKnown(event.getConsignmentId())) {
                    throw new Refused("PO_STATE_005");
                }
            }
            synchronized (events) {
                events.addAll(request.getEvent());
            }
        });
        response.setStatus(response.getResponseProperties().getError() == null ? Status.OK : Status.FAILED);
        return response;
    }

    ErrorList errorCodes() {
        ErrorList list = new ErrorList();
        PoErrorCodes.ALL.forEach((code, description) -> {
            ErrorType type = new ErrorType();
            type.setCode(code);
            type.setDescription(description);
            list.getErrorTypes().add(type);
        });
        return list;
    }

    /** An answer with only ResponseProperties and the Error of {@code code}, for a request the sandbox cannot read. */
    ResponseProperties refusal(String code) {
        ResponseProperties properties = responseProperties();
        properties.setError(PoErrorCodes.error(code));
        return properties;
    }

    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    Map<String, StoredOrder> orders() {
        return orders;
    }

    /** Locks a purchase order for its sender now, as Bring does once it plans the transport. */
    boolean lock(String customerNo, String purchaseOrderNo) {
        StoredOrder stored = orders.get(key(customerNo, purchaseOrderNo));
        if (stored != null) {
            stored.locked = true;
        }
        return stored != null;
    }

    void reset() {
        orders.clear();
        synchronized (events) {
            events.clear();
        }
    }

    private void answer(java.util.function.Consumer<ResponseProperties> to, RequestProperties request, Runnable function) {
        ResponseProperties properties = responseProperties();
        to.accept(properties);
        try {
            checkRequestProperties(request, properties);
            function.run();
        } catch (Refused refused) {
            properties.setError(PoErrorCodes.error(refused.code));
        }
    }

    private void checkRequestProperties(RequestProperties request, ResponseProperties answer) {
        if (request == null) {
            throw new Refused("PO_INPUT_006");
        }
        Integer version = request.getSchemaVersion();
        if (version == null || version < 1 || version > settings.schemaVersion()) {
            throw new Refused("PO_INPUT_003");
        }
        if (request.getLocale() == null || !LOCALES.contains(request.getLocale().strip())) {
            throw new Refused("PO_INPUT_005");
        }
        if (request.getDateAndTimes() == null || request.getDateAndTimes().getValue() == null) {
            throw new Refused("PO_INPUT_004");
        }
        if (version < settings.schemaVersion()) {
            answer.getTraceMessage().add("Schema version " + version + " is outdated. Please update to schema version "
                    + settings.schemaVersion() + ", see developer.bring.com");
        }
    }

    private StoredOrder order(Login login, PurchaseOrderRequest request, String notFound) {
        String customerNo = customer(request.getCustomerNo());
        if (blank(request.getPurchaseOrderNo())) {
            throw new Refused("PO_INPUT_002");
        }
        authorize(login, customerNo);
        StoredOrder stored = orders.get(key(customerNo, request.getPurchaseOrderNo().strip()));
        if (stored == null) {
            throw new Refused(notFound);
        }
        return stored;
    }

    private static String customer(String customerNo) {
        if (blank(customerNo) || !customerNo.strip().matches("[0-9][0-9-]*")) {
            throw new Refused("PO_INPUT_001");
        }
        return customerNo.strip();
    }

    private void authenticate(Login login) {
        if (login.uid() == null || login.key() == null || !settings.apiUid().equalsIgnoreCase(login.uid())
                || !settings.apiKey().equals(login.key())) {
            throw new Refused("PO_STATE_002");
        }
    }

    /** The sandbox's user has access to its purchase order customers and to the other customers it names. */
    private void authorize(Login login, String customerNo) {
        authenticate(login);
        if (!settings.customers().contains(customerNo) && !settings.otherCustomers().contains(customerNo)) {
            throw new Refused("PO_STATE_004");
        }
    }

    private static void requireContent(PurchaseOrderSet set) {
        boolean ordering = set.getParty().stream().anyMatch(party -> "OrderingParty".equals(party.getSubClass()) && complete(party));
        boolean delivery = set.getParty().stream().anyMatch(party -> "DeliveryParty".equals(party.getSubClass()) && complete(party));
        boolean documentDate = set.getDateAndTimes().stream().anyMatch(date -> "DocumentDate".equals(date.getSubClass()));
        if (!ordering || !delivery || !documentDate || set.getOrderLineSet().isEmpty()) {
            throw new Refused("PO_INPUT_019");
        }
        for (OrderLineSet line : set.getOrderLineSet()) {
            for (OrderItem item : line.getOrderItem()) {
                if (item.getArticleQuantity() == null || item.getDescription() == null
                        || item.getDateAndTimes().stream().map(DateAndTimes::getSubClass).noneMatch("DeliveryDateRequested"::equals)) {
                    throw new Refused("PO_INPUT_019");
                }
                if (item.getArticleQuantity().signum() < 0) {
                    throw new Refused("PO_INPUT_011");
                }
            }
        }
    }

    /** Name, Street, City and CountryCode, which Bring requires of the ordering and the delivery party. */
    private static boolean complete(Party party) {
        return !blank(party.getName()) && party.getAddress().stream()
                .anyMatch(address -> !blank(address.getStreet()) && !blank(address.getCity()) && !blank(address.getCountryCode()));
    }

    private static void checkContainers(List<ShippingContainer> containers) {
        for (ShippingContainer container : containers) {
            if (blank(container.getShippingContainerId())) {
                throw new Refused("PO_INPUT_013");
            }
            if (container.getContainerType() == null || !CONTAINER_TYPES.contains(container.getContainerType())) {
                throw new Refused("PO_INPUT_014");
            }
            if (container.getContent().isEmpty()) {
                throw new Refused("PO_INPUT_015");
            }
            for (ShippingContainerContent content : container.getContent()) {
                if (blank(content.getConsignmentId()) && blank(content.getShippingContainerId())) {
                    throw new Refused("PO_INOUT_016");
                }
                if (content.getContainerType() != null && !CONTAINER_TYPES.contains(content.getContainerType())) {
                    throw new Refused("PO_INPUT_014");
                }
            }
        }
    }

    private static void checkItems(StoredOrder stored, TransportOrder transport) {
        for (PackingListSet set : transport.getPackingListSet()) {
            for (PackingListItem item : set.getPackingListItem()) {
                if (item.getArticleQuantity() != null && item.getArticleQuantity().signum() < 0) {
                    throw new Refused("PO_INPUT_011");
                }
                boolean onOrder = stored.set.getOrderLineSet().stream()
                        .filter(line -> Objects.equals(line.getOrderLineId(), set.getOrderLineId()))
                        .flatMap(line -> line.getOrderItem().stream())
                        .anyMatch(ordered -> Objects.equals(ordered.getArticleLineId(), item.getArticleLineId()));
                if (!onOrder) {
                    throw new Refused("PO_INPUT_012");
                }
            }
        }
        transport.getPackingListAdditionalSet().stream().flatMap(set -> set.getPackingListAdditionalItem().stream())
                .forEach(item -> {
                    if (blank(item.getArticleId())) {
                        throw new Refused("PO_INPUT_021");
                    }
                    if (item.getArticleQuantity() != null && item.getArticleQuantity().signum() < 0) {
                        throw new Refused("PO_INPUT_011");
                    }
                });
    }

    private boolean consignmentKnown(String consignmentId) {
        return orders.values().stream().anyMatch(order -> {
            synchronized (order.transportOrders) {
                return order.transportOrders.stream().anyMatch(transport -> consignmentId.equals(transport.getConsignmentId()));
            }
        });
    }

    private SenderStatus senderStatus(StoredOrder stored) {
        boolean due = !clock.instant().isBefore(stored.createdAt.plus(settings.lockAfter()));
        return stored.locked || due ? SenderStatus.LOCKED : SenderStatus.OPEN;
    }

    private ResponseProperties responseProperties() {
        ResponseProperties properties = new ResponseProperties();
        properties.setSchemaVersion(settings.schemaVersion());
        properties.setLocale("en");
        DateAndTimes date = new DateAndTimes();
        date.setSubClass("ResponseDate");
        date.setValue(DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(
                GregorianCalendar.from(ZonedDateTime.now(clock))));
        properties.setDateAndTimes(date);
        return properties;
    }

    private static String key(String customerNo, String purchaseOrderNo) {
        return customerNo + "/" + purchaseOrderNo;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    Supplier<Object> view() {
        return () -> orders.entrySet().stream().map(entry -> Map.of("purchaseOrder", entry.getKey(),
                "senderStatus", senderStatus(entry.getValue()).value(),
                "transportOrders", entry.getValue().transportOrders.stream().map(TransportOrder::getConsignmentId).toList())).toList();
    }
}

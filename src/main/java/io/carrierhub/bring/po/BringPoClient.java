package io.carrierhub.bring.po;

import io.carrierhub.bring.po.model.CreateEventRequest;
import io.carrierhub.bring.po.model.CreatePurchaseOrderRequest;
import io.carrierhub.bring.po.model.IsPurchaseorderCustomerRequest;
import io.carrierhub.bring.po.model.IsPurchaseorderCustomerResponse;
import io.carrierhub.bring.po.model.PurchaseOrderRequest;
import io.carrierhub.bring.po.model.TransportOrderRequest;
import io.carrierhub.bring.po.model.UpdateIndicator;
import io.carrierhub.carrier.CarrierClient;
import io.carrierhub.carrier.CarrierRequest;
import io.carrierhub.error.CarrierRefusal;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.ledger.LedgerEntry;
import io.carrierhub.ledger.OrderLedger;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.OrderMessage;
import io.carrierhub.order.model.Action;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One carrier on the Bring Purchase Order API. A create, update or cancel of an order is CreatePurchaseOrder with
 * updateIndicator Original, Update or Delete, after Bring said the customer is a purchase order customer (asked once
 * per customer and expiry); a transport order is CreateTransportOrder, checked against the ledger's copy of the
 * purchase order first. Over SOAP or the REST XML interface, with the same messages and the Mybring headers.
 */
public class BringPoClient implements CarrierClient {

    public static final String PURCHASE_ORDER = "PURCHASE_ORDER";
    public static final String CONSIGNMENT = "CONSIGNMENT";

    private final String carrier;
    private final BringPoMapper mapper;
    private final BringPoCodec codec;
    private final OrderLedger ledger;
    private final CustomerChecks customers;
    private final BringPoAnswers answers;
    private final BringPoProperties properties;

    BringPoClient(String carrier, BringPoMapper mapper, BringPoCodec codec, OrderLedger ledger, CustomerChecks customers,
                  BringPoAnswers answers, BringPoProperties properties) {
        this.carrier = carrier;
        this.mapper = mapper;
        this.codec = codec;
        this.ledger = ledger;
        this.customers = customers;
        this.answers = answers;
        this.properties = properties;
    }

    /** A purchase order names the customer it belongs to (the sender's partyId) and has order lines. */
    @Override
    public void admit(OrderMessage message) {
        Order order = message.order();
        if (order == null) {
            return;
        }
        List<String> lacks = new ArrayList<>();
        if (order.getSender().getPartyId() == null) {
            lacks.add("sender/partyId, the Mybring customer number the purchase order belongs to");
        }
        if (order.getOrderLine().isEmpty()) {
            lacks.add("an orderLine: a purchase order has at least one");
        }
        if (!lacks.isEmpty()) {
            throw new InvalidMessageException("CARRIER_REQUIREMENT", "Bring Purchase Order would refuse the order: " + String.join("; ", lacks));
        }
    }

    @Override
    public boolean takesTransportOrders() {
        return true;
    }

    /** A create or update first asks whether its customer is a purchase order customer, unless Bring said so lately. */
    @Override
    public Optional<CarrierRequest> check(OrderMessage message) {
        if (message.action() != Action.CREATE && message.action() != Action.UPDATE) {
            return Optional.empty();
        }
        String customerNo = BringPoMapper.customerNo(message.order());
        if (customers.known(customerNo).isPresent()) {
            return Optional.empty();
        }
        IsPurchaseorderCustomerRequest check = new IsPurchaseorderCustomerRequest();
        check.setRequestProperties(mapper.requestProperties());
        check.setCustomerNo(customerNo);
        return Optional.of(call("IsPurchaseOrderCustomer", "GET", "purchaseorderCustomer/" + customerNo,
                codec.write("IsPurchaseorderCustomerRequest", IsPurchaseorderCustomerRequest.class, check)));
    }

    @Override
    public void checked(OrderMessage message, byte[] body, String contentType) {
        IsPurchaseorderCustomerResponse answer = codec.read(body, IsPurchaseorderCustomerResponse.class);
        customers.record(BringPoMapper.customerNo(message.order()), Boolean.TRUE.equals(answer.isIsPurchaseOrderCustomer()));
        requireCustomer(message.order());
    }

    @Override
    public CarrierRequest request(OrderMessage message) {
        return switch (message.action()) {
            case CREATE -> purchaseOrder(message, message.order(), UpdateIndicator.ORIGINAL);
            case UPDATE -> {
                ledger.booked(message, PURCHASE_ORDER);
                yield purchaseOrder(message, message.order(), UpdateIndicator.UPDATE);
            }
            case CANCEL -> purchaseOrder(message, ledger.order(ledger.booked(message, PURCHASE_ORDER)), UpdateIndicator.DELETE);
            case TRANSPORT_ORDER -> transportOrder(message);
        };
    }

    /** The order's own ids: Bring's create answers carry only a Status. */
    @Override
    public List<CarrierReference> references(OrderMessage message, byte[] body, String contentType) {
        return message.transportOrder() != null
                ? List.of(CarrierReferences.of(CONSIGNMENT, message.transportOrder().getConsignmentId()))
                : List.of(CarrierReferences.of(PURCHASE_ORDER, message.orderId()));
    }

    @Override
    public List<CarrierReference> references(byte[] body, String contentType) {
        throw new IllegalStateException("Bring Purchase Order answers name no ids: they are the order message's");
    }

    @Override
    public Optional<CarrierRefusal> refusal(byte[] body, String contentType) {
        return answers.refusal(body);
    }

    /**
     * Bring refuses an Original for a purchase order that exists (PO_INPUT_024). On a retry with the hub's own order
     * id, that is the earlier attempt's: done.
     */
    @Override
    public Optional<List<CarrierReference>> acceptedBefore(OrderMessage message, int status, byte[] body, String contentType) {
        if (message.action() != Action.CREATE) {
            return Optional.empty();
        }
        return answers.refusal(body).filter(refusal -> refusal.status().equals("PO_INPUT_024"))
                .map(exists -> references(message, body, contentType));
    }

    /** Asks Bring for a purchase order's sender status (for the sender status poll). */
    CarrierRequest senderStatus(String customerNo, String purchaseOrderNo) {
        PurchaseOrderRequest request = new PurchaseOrderRequest();
        request.setRequestProperties(mapper.requestProperties());
        request.setCustomerNo(customerNo);
        request.setPurchaseOrderNo(purchaseOrderNo);
        return call("GetSenderStatus", "GET", "senderStatus/" + customerNo + "/" + purchaseOrderNo,
                codec.write("GetSenderStatusRequest", PurchaseOrderRequest.class, request));
    }

    /** Bring's answer to {@link #senderStatus(String, String)}. */
    BringPoAnswers.SenderStatusAnswer senderStatus(byte[] body) {
        return answers.senderStatus(body);
    }

    boolean tellsEvents() {
        return properties.tellEvents();
    }

    /** Tells Bring the hub's event (CreateEvent), when Bring has a word for it and it names a consignment. */
    Optional<CarrierRequest> events(TmsEvent event) {
        return mapper.events(event).map(request -> call("CreateEvent", "POST", "event",
                codec.write("CreateEventRequest", CreateEventRequest.class, request)));
    }

    private CarrierRequest purchaseOrder(OrderMessage message, Order order, UpdateIndicator indicator) {
        requireCustomer(order);
        CreatePurchaseOrderRequest request = mapper.purchaseOrder(order, indicator, documentDate(order));
        return call("CreatePurchaseOrder", "POST", "order",
                codec.write("CreatePurchaseOrderRequest", CreatePurchaseOrderRequest.class, request));
    }

    private CarrierRequest transportOrder(OrderMessage message) {
        LedgerEntry booked = ledger.booked(message, PURCHASE_ORDER);
        Order purchaseOrder = ledger.order(booked);
        PackingListCheck.check(purchaseOrder, message.transportOrder());
        TransportOrderRequest request = mapper.transportOrder(message.transportOrder(), BringPoMapper.customerNo(purchaseOrder));
        return call("CreateTransportOrder", "POST", "transport",
                codec.write("CreateTransportOrderRequest", TransportOrderRequest.class, request));
    }

    /** A customer Bring said is none gets no purchase order: the refusal is final. */
    private void requireCustomer(Order order) {
        String customerNo = BringPoMapper.customerNo(order);
        if (customers.known(customerNo).filter(customer -> !customer).isPresent()) {
            throw new CarrierRejectedException("CARRIER_NOT_PO_CUSTOMER", carrier + " says customer " + customerNo
                    + " is no purchase order customer (IsPurchaseOrderCustomer false)");
        }
    }

    private javax.xml.datatype.XMLGregorianCalendar documentDate(Order order) {
        if (order.getCreatedAt() != null) {
            return order.getCreatedAt();
        }
        return ledger.find(order.getOrderId()).map(LedgerEntry::createdAt).map(XmlDates::of)
                .orElseGet(() -> mapper.requestProperties().getDateAndTimes().getValue());
    }

    /** Over SOAP the operation with the request as its body; over REST the resource, the body only for a POST. */
    private CarrierRequest call(String operation, String method, String resource, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(properties.auth().headers());
        if (properties.soap()) {
            return CarrierRequest.soap(operation, headers, body);
        }
        headers.put("Accept", "application/xml");
        boolean post = method.equals("POST");
        if (post) {
            headers.put("Content-Type", "application/xml; charset=UTF-8");
        }
        return new CarrierRequest(method, "api/v1/" + resource, null, headers, post ? body : null);
    }
}

package io.carrierhub.bring.shipment;

import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.bring.shipment.model.BringResponseError;
import io.carrierhub.bring.shipment.model.BringShipmentResponse;
import io.carrierhub.carrier.CarrierClient;
import io.carrierhub.carrier.CarrierRequest;
import io.carrierhub.error.CarrierRefusal;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.ledger.LedgerEntry;
import io.carrierhub.ledger.OrderLedger;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.MessageFormat;
import io.carrierhub.order.OrderMessage;
import io.carrierhub.order.model.Action;
import io.carrierhub.order.model.BookingType;
import io.carrierhub.order.model.CarrierReference;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.Package;
import io.carrierhub.order.model.References;
import io.carrierhub.xml.XmlDates;
import jakarta.xml.bind.JAXBElement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.datatype.XMLGregorianCalendar;
import java.util.stream.Collectors;

/**
 * One carrier on the Bring Shipment API: an order message becomes a CreateShipmentRequest (/sendshipment) or a
 * CreateBookingRequest (/sendbooking) with the Mybring headers; an update or cancel names the shipment Bring
 * accepted before. Bring's answer gives the shipment id and the package ids.
 */
public class BringShipmentClient implements CarrierClient {

    static final String SHIPMENT = "SHIPMENT";
    static final String PACKAGE = "PACKAGE";
    private static final String FORBIDDEN = "FORBIDDEN";
    private static final String SYSTEM = "SYSTEM";

    private final BringShipmentMapper mapper;
    private final BringShipmentCodec codec;
    private final OrderLedger ledger;
    private final BringNumbers numbers;
    private final BringShipmentProperties properties;
    private final Clock clock;

    public BringShipmentClient(BringShipmentMapper mapper, BringShipmentCodec codec, OrderLedger ledger, BringNumbers numbers,
                        BringShipmentProperties properties, Clock clock) {
        this.mapper = mapper;
        this.codec = codec;
        this.ledger = ledger;
        this.numbers = numbers;
        this.properties = properties;
        this.clock = clock;
    }

    /** An order that lacks what Bring's documents require is refused before it reaches the lane. */
    @Override
    public void admit(OrderMessage message) {
        if (message.order() != null) {
            BringOrderRequirements.check(message.order());
        }
    }

    /**
     * A create is Bring's Original, numbered from the hub's ranges where configured; an update or cancel (Update,
     * Delete) names the shipment Bring accepted before.
     */
    @Override
    public CarrierRequest request(OrderMessage message) {
        if (message.action() == Action.CREATE) {
            numbers.number(message.order());
            return request(message.order(), "Original");
        }
        LedgerEntry booked = ledger.booked(message, SHIPMENT);
        Order order = message.action() == Action.UPDATE ? message.order() : ledger.order(booked);
        withCarrierIds(order, booked);
        return request(order, message.action() == Action.UPDATE ? "Update" : "Delete");
    }

    /** The ids in Bring's answer: the shipment first, then the packages in order. */
    @Override
    public List<CarrierReference> references(byte[] body, String contentType) {
        BringShipmentMapper.Result result = result(body, contentType);
        List<CarrierReference> references = new ArrayList<>();
        if (result.shipmentId() != null) {
            references.add(CarrierReferences.of(SHIPMENT, result.shipmentId()));
        }
        result.packageIds().forEach(id -> references.add(CarrierReferences.of(PACKAGE, id)));
        return references;
    }

    /**
     * Bring refuses an Original for a shipment number that exists. When the ERP or the hub's range gave that number
     * and this is a retry, the earlier attempt created it: the shipment and package numbers are the order's.
     */
    @Override
    public Optional<List<CarrierReference>> acceptedBefore(OrderMessage message, int status, byte[] body, String contentType) {
        if (message.action() == Action.CREATE) {
            numbers.number(message.order());
        }
        if (status != 400 || message.action() != Action.CREATE || message.order().getReferences() == null
                || message.order().getReferences().getShipmentId() == null) {
            return Optional.empty();
        }
        String shipmentId = message.order().getReferences().getShipmentId();
        BringShipmentMapper.Result result = result(body, contentType);
        if (result.errors() == null || !result.errors().contains(shipmentId) || !result.errors().contains("exists already")) {
            return Optional.empty();
        }
        List<CarrierReference> references = new ArrayList<>();
        references.add(CarrierReferences.of(SHIPMENT, shipmentId));
        packages(message.order()).stream().map(Package::getPackageId).filter(id -> id != null)
                .forEach(id -> references.add(CarrierReferences.of(PACKAGE, id)));
        return Optional.of(references);
    }

    /**
     * A CreateShipmentResponse of another Status than OK or OK_CONFIRMED, in Bring's words: its ErrorTexts joined
     * (else its StatusText). Status FORBIDDEN is an authentication or configuration error, an Error of type SYSTEM a
     * failure on Bring's side, anything else the request's content.
     */
    @Override
    public Optional<CarrierRefusal> refusal(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        BringShipmentResponse response;
        try {
            response = response(body, contentType);
        } catch (CarrierRejectedException notBringsAnswer) {
            return Optional.empty();
        }
        if (mapper.toResult(response).ok()) {
            return Optional.empty();
        }
        List<BringResponseError> errors = response.getErrors();
        CarrierRefusal.Kind kind = FORBIDDEN.equals(response.getStatus()) ? CarrierRefusal.Kind.AUTH
                : errors.stream().anyMatch(error -> SYSTEM.equals(error.getError())) ? CarrierRefusal.Kind.UNAVAILABLE
                : CarrierRefusal.Kind.VALIDATION;
        String text = errors.stream().map(BringResponseError::getErrorText).filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        if (text.isEmpty()) {
            text = Objects.requireNonNullElse(response.getStatusText(), "(no error text)");
        }
        return Optional.of(new CarrierRefusal(kind, response.getStatus(), text));
    }

    private BringShipmentMapper.Result result(byte[] body, String contentType) {
        return mapper.toResult(response(body, contentType));
    }

    private BringShipmentResponse response(byte[] body, String contentType) {
        MessageFormat format = MessageFormat.ofContentType(contentType);
        boolean json = format != null ? format == MessageFormat.JSON : properties.json();
        return codec.readResponse(body, json, contentType);
    }

    private CarrierRequest request(Order order, String updateIndicator) {
        boolean original = updateIndicator.equals("Original");
        boolean hasShipmentId = order.getReferences() != null && order.getReferences().getShipmentId() != null;
        boolean hasPackageIds = packages(order).stream().allMatch(pkg -> pkg.getPackageId() != null);
        String endpoint = order.getService().getBookingType() == BookingType.BOOKING ? "sendbooking" : "sendshipment";
        boolean createShipmentId = original && properties.createShipmentId() && !hasShipmentId;
        // an update may add packages: Bring numbers them when asked, and then assigns all package ids anew (RAML)
        boolean createPackageIds = !updateIndicator.equals("Delete") && properties.createPackageIds() && !hasPackageIds;
        String mediaType = properties.json() ? "application/json" : "application/xml";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", mediaType + "; charset=" + BringShipmentCodec.CHARSET.name());
        headers.put("Accept", mediaType);
        headers.putAll(properties.auth().headers());
        XMLGregorianCalendar now = XmlDates.now(clock);
        JAXBElement<BringShipmentRequest> request = mapper.toRequest(order, updateIndicator, now, () -> receivedAt(order, now));
        byte[] body = properties.json() ? codec.writeJsonRequest(request, properties.jsonEnums()) : codec.writeXmlRequest(request);
        return new CarrierRequest("POST", endpoint,
                "shipmentId=" + createShipmentId + "&packageIds=" + createPackageIds, headers, body);
    }

    /** When the intake first recorded the order; the time of mapping for an order the ledger does not hold. */
    private XMLGregorianCalendar receivedAt(Order order, XMLGregorianCalendar now) {
        return ledger.receivedAt(order.getOrderId()).map(XmlDates::of).orElse(now);
    }

    /** Puts Bring's shipment number, and its package numbers where the packages are the same in number, on the order. */
    private static void withCarrierIds(Order order, LedgerEntry booked) {
        if (order.getReferences() == null) {
            order.setReferences(new References());
        }
        if (order.getReferences().getShipmentId() == null) {
            order.getReferences().setShipmentId(booked.reference(SHIPMENT).orElseThrow());
        }
        List<String> packageIds = booked.references().stream()
                .filter(ref -> ref.getType().equals(PACKAGE)).map(CarrierReference::getValue).toList();
        List<Package> packages = packages(order);
        if (packageIds.size() == packages.size()) {
            for (int i = 0; i < packages.size(); i++) {
                if (packages.get(i).getPackageId() == null) {
                    packages.get(i).setPackageId(packageIds.get(i));
                }
            }
        }
    }

    private static List<Package> packages(Order order) {
        return order.getGoodsItem().stream().flatMap(item -> item.getPackage().stream()).toList();
    }
}

package io.carrierhub.bringg;

import com.fasterxml.jackson.databind.JsonNode;
import io.carrierhub.order.model.Address;
import io.carrierhub.order.model.Contact;
import io.carrierhub.order.model.DateOfType;
import io.carrierhub.order.model.DateType;
import io.carrierhub.order.model.Dimensions;
import io.carrierhub.order.model.GeoPoint;
import io.carrierhub.order.model.GoodsItem;
import io.carrierhub.order.model.Instruction;
import io.carrierhub.order.model.InstructionType;
import io.carrierhub.order.model.Length;
import io.carrierhub.order.model.LengthUnit;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.Package;
import io.carrierhub.order.model.Party;
import io.carrierhub.order.model.References;
import io.carrierhub.order.model.Service;
import io.carrierhub.order.model.TypedReference;
import io.carrierhub.order.model.Weight;
import io.carrierhub.order.model.WeightUnit;
import io.carrierhub.xml.XmlDates;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A Bringg delivery as a canonical order (docs/carriers/bringg.md): the pickup way point (position 1) is the sender,
 * the dropoff (position 2) the receiver, their time windows the PICKUP_ and DELIVERY_ dates, their notes the
 * instructions, the inventory the packages; Bringg's task id a reference BRINGG_TASK, its external_id the
 * sender's reference. A Delivery Updated's way point changes the same parts of the order as it was.
 */
public class BringgDeliveryMapper {

    public static final String TASK_REFERENCE = "BRINGG_TASK";
    private static final String PHONE = "\\+?[0-9 ()\\-]{4,25}";
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+";

    private final String productCode;
    private final String defaultCountry;
    private final Clock clock;

    public BringgDeliveryMapper(String productCode, String defaultCountry, Clock clock) {
        this.productCode = productCode;
        this.defaultCountry = defaultCountry;
        this.clock = clock;
    }

    /** The createOrder of a Delivery Created; {@link BringgRefusal} when the delivery cannot be an order. */
    public Order order(String orderId, String carrier, JsonNode delivery) {
        JsonNode pickup = wayPoint(delivery, 1).orElseThrow(() -> new BringgRefusal("the delivery has no pickup way point (position 1)"));
        JsonNode dropoff = wayPoint(delivery, 2).orElseThrow(() -> new BringgRefusal("the delivery has no dropoff way point (position 2)"));
        Order order = new Order();
        order.setOrderId(orderId);
        order.setCarrier(carrier);
        order.setCreatedAt(XmlDates.now(clock));
        Service service = new Service();
        service.setProductCode(productCode);
        order.setService(service);
        References references = new References();
        text(delivery, "external_id").ifPresent(references::setSendersReference);
        TypedReference task = new TypedReference();
        task.setType(TASK_REFERENCE);
        task.setValue(delivery.path("id").asText());
        references.getReference().add(task);
        order.setReferences(references);
        order.setSender(party(pickup, text(delivery.path("team"), "name")));
        order.setReceiver(party(dropoff, text(delivery.path("customer"), "name")));
        apply(order, pickup, 1);
        apply(order, dropoff, 2);
        order.getGoodsItem().add(goods(pickup, dropoff));
        return order;
    }

    /** The order with a Delivery Updated's way point changes (times, address, notes) applied. */
    public Order updated(Order order, JsonNode update) {
        JsonNode wayPoint = update.path("way_point");
        if (wayPoint.isObject()) {
            int position = wayPoint.path("position").asInt(2);
            Party party = position == 1 ? order.getSender() : order.getReceiver();
            if (wayPoint.has("address")) {
                party.setAddress(address(wayPoint));
            }
            apply(order, wayPoint, position);
        }
        JsonNode task = update.path("task");
        if (task.isObject() && task.has("way_points")) {
            wayPoint(task, 1).ifPresent(pickup -> apply(order, pickup, 1));
            wayPoint(task, 2).ifPresent(dropoff -> apply(order, dropoff, 2));
        }
        return order;
    }

    private void apply(Order order, JsonNode wayPoint, int position) {
        boolean pickup = position == 1;
        date(order, wayPoint, "no_earlier_than", pickup ? DateType.PICKUP_EARLIEST : DateType.DELIVERY_EARLIEST);
        date(order, wayPoint, "scheduled_at", pickup ? DateType.PICKUP_REQUESTED : DateType.DELIVERY_REQUESTED);
        date(order, wayPoint, "no_later_than", pickup ? DateType.PICKUP_LATEST : DateType.DELIVERY_LATEST);
        InstructionType type = pickup ? InstructionType.PICKUP : InstructionType.DELIVERY;
        JsonNode notes = wayPoint.path("notes");
        if (notes.isArray() && !notes.isEmpty()) {
            order.getInstruction().removeIf(instruction -> instruction.getType() == type);
            for (JsonNode note : notes) {
                text(note, "note").ifPresent(text -> {
                    Instruction instruction = new Instruction();
                    instruction.setType(type);
                    instruction.setValue(cut(text));
                    order.getInstruction().add(instruction);
                });
            }
        }
    }

    private static void date(Order order, JsonNode wayPoint, String field, DateType type) {
        Optional<OffsetDateTime> time = text(wayPoint, field).map(BringgDeliveryMapper::time);
        time.ifPresent(value -> {
            order.getDate().removeIf(date -> date.getType() == type);
            DateOfType date = new DateOfType();
            date.setType(type);
            date.setValue(XmlDates.of(value));
            order.getDate().add(date);
        });
    }

    private Party party(JsonNode wayPoint, Optional<String> fallbackName) {
        Party party = new Party();
        JsonNode customer = wayPoint.path("customer");
        party.setName(text(customer, "name").or(() -> text(wayPoint, "name")).or(() -> fallbackName).map(BringgDeliveryMapper::cut).orElse(null));
        party.setAddress(address(wayPoint));
        Contact contact = new Contact();
        contact.setName(party.getName());
        text(customer, "phone").or(() -> text(wayPoint, "phone")).filter(phone -> phone.matches(PHONE)).ifPresent(contact::setMobilePhone);
        text(customer, "email").filter(email -> email.matches(EMAIL)).ifPresent(contact::setEmail);
        party.setContact(contact);
        return party;
    }

    private Address address(JsonNode wayPoint) {
        Address address = new Address();
        text(wayPoint, "address").map(BringgDeliveryMapper::cut).ifPresent(address.getLine()::add);
        text(wayPoint, "address_second_line").map(BringgDeliveryMapper::cut).ifPresent(address.getLine()::add);
        text(wayPoint, "zipcode").ifPresent(address::setPostalCode);
        text(wayPoint, "city").ifPresent(address::setCity);
        text(wayPoint, "state").ifPresent(address::setStateOrRegion);
        // Bringg's way point names no country: the merchant's (hub.bringg.default-country)
        address.setCountryCode(text(wayPoint, "country_code").filter(code -> code.matches("[A-Z]{2}")).orElse(defaultCountry));
        if (wayPoint.path("lat").isNumber() && wayPoint.path("lng").isNumber()) {
            GeoPoint location = new GeoPoint();
            location.setLatitude(wayPoint.path("lat").decimalValue());
            location.setLongitude(wayPoint.path("lng").decimalValue());
            address.setLocation(location);
        }
        return address;
    }

    /** One package per inventory line of the dropoff (else of the pickup); one plain parcel without inventory. */
    private static GoodsItem goods(JsonNode pickup, JsonNode dropoff) {
        GoodsItem goods = new GoodsItem();
        JsonNode inventory = dropoff.path("inventory").isArray() && !dropoff.path("inventory").isEmpty()
                ? dropoff.path("inventory") : pickup.path("inventory");
        for (JsonNode item : inventory) {
            Package parcel = new Package();
            String name = text(item, "name").orElse("item");
            int quantity = item.path("original_quantity").asInt(1);
            parcel.setDescription(cut(quantity > 1 ? quantity + " x " + name : name));
            positive(item, "weight").ifPresent(kg -> {
                Weight weight = new Weight();
                weight.setValue(kg);
                weight.setUnit(WeightUnit.KG);
                parcel.setGrossWeight(weight);
            });
            if (positive(item, "height").isPresent() && positive(item, "width").isPresent() && positive(item, "length").isPresent()) {
                Dimensions dimensions = new Dimensions();
                dimensions.setHeight(cm(positive(item, "height").get()));
                dimensions.setWidth(cm(positive(item, "width").get()));
                dimensions.setLength(cm(positive(item, "length").get()));
                parcel.setDimensions(dimensions);
            }
            goods.getPackage().add(parcel);
        }
        if (goods.getPackage().isEmpty()) {
            Package parcel = new Package();
            parcel.setDescription("parcel");
            goods.getPackage().add(parcel);
        }
        return goods;
    }

    private static Length cm(BigDecimal value) {
        Length length = new Length();
        length.setValue(value);
        length.setUnit(LengthUnit.CM);
        return length;
    }

    private static Optional<BigDecimal> positive(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() && value.decimalValue().signum() > 0 ? Optional.of(value.decimalValue()) : Optional.empty();
    }

    static Optional<JsonNode> wayPoint(JsonNode delivery, int position) {
        JsonNode wayPoints = delivery.path("way_points");
        if (!wayPoints.isArray()) {
            return Optional.empty();
        }
        for (JsonNode wayPoint : wayPoints) {
            if (wayPoint.path("position").asInt() == position) {
                return Optional.of(wayPoint);
            }
        }
        return Optional.empty();
    }

    private static OffsetDateTime time(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new BringgRefusal("unreadable time " + text + " (Bringg writes ISO 8601 UTC, e.g. 2020-06-02T11:43:28.866Z)");
        }
    }

    /** A field's text; JSON null, an empty string and Bringg's "null" count as absent. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.asText().trim();
        return text.isEmpty() || "null".equals(text) ? Optional.empty() : Optional.of(text);
    }

    private static String cut(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}

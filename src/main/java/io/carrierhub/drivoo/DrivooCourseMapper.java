package io.carrierhub.drivoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carrierhub.order.model.Address;
import io.carrierhub.order.model.Contact;
import io.carrierhub.order.model.DateOfType;
import io.carrierhub.order.model.DateType;
import io.carrierhub.order.model.Dimensions;
import io.carrierhub.order.model.GoodsItem;
import io.carrierhub.order.model.Instruction;
import io.carrierhub.order.model.InstructionType;
import io.carrierhub.order.model.Length;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.Package;
import io.carrierhub.order.model.Party;
import io.carrierhub.order.model.Weight;
import io.carrierhub.order.model.WeightUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An order as a Drivoo course (seed, "Création d'une course"): retailer_id, client {address, nom, mobile} as the
 * seed's example writes it, date_dispo, one colis per package (description, poids in kg, hauteur, largeur and
 * profondeur in cm), commentaire_retailer from the pickup instructions and commentaire_client from the delivery
 * ones. docs/carriers/drivoo.md says why each field is what it is.
 */
public class DrivooCourseMapper {

    /** As the seed's example writes date_debut: "2014-10-04T20:15:00.000Z". */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private final ObjectMapper json = new ObjectMapper();

    /** The body of {@code POST /course}. */
    public ObjectNode create(Order order, int retailerId) {
        ObjectNode course = json.createObjectNode();
        course.put("retailer_id", retailerId);
        fill(course, order);
        return course;
    }

    /** The body of {@code PUT /course/:id}: the same, without the retailer, which a course keeps. */
    public ObjectNode update(Order order) {
        ObjectNode course = json.createObjectNode();
        fill(course, order);
        return course;
    }

    /** The date the parcel is ready at the pickup site: the requested pickup, else the earliest one. */
    static Optional<DateOfType> pickupDate(Order order) {
        return date(order, DateType.PICKUP_REQUESTED).or(() -> date(order, DateType.PICKUP_EARLIEST));
    }

    private void fill(ObjectNode course, Order order) {
        Party receiver = order.getReceiver();
        ObjectNode client = course.putObject("client");
        client.put("address", address(receiver.getAddress()));
        client.put("nom", receiverName(receiver));
        mobile(receiver.getContact()).ifPresent(mobile -> client.put("mobile", mobile));
        pickupDate(order).ifPresent(date -> course.put("date_dispo",
                DATE.format(date.getValue().toGregorianCalendar().toZonedDateTime().withZoneSameInstant(ZoneOffset.UTC))));
        ArrayNode colis = course.putArray("colis");
        for (GoodsItem item : order.getGoodsItem()) {
            for (Package pkg : item.getPackage()) {
                colis.add(colis(item, pkg));
            }
        }
        instructions(order, InstructionType.PICKUP).ifPresent(text -> course.put("commentaire_retailer", text));
        instructions(order, InstructionType.DELIVERY).ifPresent(text -> course.put("commentaire_client", text));
    }

    private ObjectNode colis(GoodsItem item, Package pkg) {
        ObjectNode colis = json.createObjectNode();
        String description = pkg.getDescription() != null ? pkg.getDescription() : item.getDescription();
        if (description != null) {
            colis.put("description", description);
        }
        if (pkg.getGrossWeight() != null) {
            colis.put("poids", kilograms(pkg.getGrossWeight()).toPlainString());
        }
        Dimensions dimensions = pkg.getDimensions();
        if (dimensions != null) {
            colis.put("hauteur", centimetres(dimensions.getHeight()));
            colis.put("largeur", centimetres(dimensions.getWidth()));
            colis.put("profondeur", centimetres(dimensions.getLength()));
        }
        return colis;
    }

    /** One line, as the seed's example: "54 av Winston Churchill, 31770, Colomiers, France". */
    static String address(Address address) {
        if (address == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(address.getLine());
        parts.add(address.getPostalCode());
        parts.add(address.getCity());
        parts.add(new Locale("", address.getCountryCode()).getDisplayCountry(Locale.FRENCH));
        return parts.stream().filter(part -> part != null && !part.isBlank()).map(String::trim).collect(Collectors.joining(", "));
    }

    static String receiverName(Party receiver) {
        Contact contact = receiver.getContact();
        return contact != null && contact.getName() != null ? contact.getName() : receiver.getName();
    }

    private static Optional<String> mobile(Contact contact) {
        if (contact == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(contact.getMobilePhone() != null ? contact.getMobilePhone() : contact.getPhone());
    }

    private static Optional<String> instructions(Order order, InstructionType type) {
        String text = order.getInstruction().stream().filter(instruction -> instruction.getType() == type)
                .map(Instruction::getValue).collect(Collectors.joining(" / "));
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<DateOfType> date(Order order, DateType type) {
        return order.getDate().stream().filter(date -> date.getType() == type).findFirst();
    }

    private static BigDecimal kilograms(Weight weight) {
        BigDecimal value = weight.getUnit() == WeightUnit.G ? weight.getValue().movePointLeft(3) : weight.getValue();
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value.stripTrailingZeros();
    }

    /** Drivoo's dimensions are whole numbers; the seed names no unit, the hub sends centimetres (rounded up). */
    private static int centimetres(Length length) {
        BigDecimal factor = switch (length.getUnit()) {
            case CM -> BigDecimal.ONE;
            case DM -> BigDecimal.TEN;
            case M -> BigDecimal.valueOf(100);
        };
        return length.getValue().multiply(factor).setScale(0, RoundingMode.CEILING).intValueExact();
    }
}

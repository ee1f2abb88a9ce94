package io.carrierhub.bring.shipment;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what the hub writes with Bring's JSON samples. The samples come from a .NET serializer and differ from
 * the hub's JSON in two ways only, which this helper undoes on the sample side and nowhere else:
 * <ul>
 * <li>enumerations are written as ordinals ({@code "unitCode": 1} for KGM) where the XML samples and the hub write
 *     names: each ordinal becomes the name at that place in the code list's documented order;</li>
 * <li>the one DangerousGoods is a bare object, though the field table and the RAML type it as an array (as the XSD
 *     does, and as the hub writes it): a bare DangerousGoods object becomes a one-element array.</li>
 * </ul>
 * Numbers compare by value ({@code 112.0} equals {@code 112}); everything else must be equal.
 */
final class BringSampleJson {

    private static final List<String> WEIGHT = List.of("GRM", "KGM");
    private static final List<String> VOLUME = List.of("DMQ", "MTQ");
    private static final List<String> LENGTH = List.of("CMT", "DMT", "MTR");
    private static final List<String> TEMPERATURE = List.of("CEL", "FAH");

    /** By parent member and attribute, the code list an ordinal counts in. */
    private static final Map<String, List<String>> CODE_LISTS = Map.ofEntries(
            entry("GrossWeight.unitCode", WEIGHT),
            entry("GrossVolume.unitCode", VOLUME),
            entry("Height.unitCode", LENGTH),
            entry("Length.unitCode", LENGTH),
            entry("Width.unitCode", LENGTH),
            entry("Transport.unitCode", TEMPERATURE),
            entry("Storage.unitCode", TEMPERATURE),
            entry("Flashpoint.unitCode", TEMPERATURE),
            entry("DeliveryTerms.termsType", List.of("Incoterms", "Freightterms", "Combiterms", "PrePaid", "ThirdParty")),
            entry("TransactionIdentifier.identifierType", List.of("PQ", "SS")),
            entry("Restrictions.restrictionType", List.of("Tunnel")),
            entry("AccountNumber.accountType", List.of("Bank", "Bankgiro", "Plus", "Post", "Iban", "Other")));

    private static final Set<String> ARRAYS_WRITTEN_AS_OBJECT = Set.of("DangerousGoods");

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (expected, actual) ->
            expected.isNumber() && actual.isNumber() ? expected.decimalValue().compareTo(actual.decimalValue())
                    : expected.equals(actual) ? 0 : 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private BringSampleJson() {
    }

    static void assertSameAsSample(byte[] sample, byte[] actual) {
        JsonNode expected = normalise("", read(sample));
        JsonNode written = read(actual);
        assertTrue(expected.equals(NUMBERS_BY_VALUE, written),
                () -> "the hub's JSON differs from Bring's sample\nexpected:\n" + expected.toPrettyString()
                        + "\nactual:\n" + written.toPrettyString());
    }

    private static JsonNode normalise(String member, JsonNode node) {
        if (node.isArray()) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> items.add(normalise(member, item)));
            return items;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode members = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            List<String> codes = CODE_LISTS.get(member + "." + name);
            if (codes != null && value.isIntegralNumber()) {
                members.set(name, TextNode.valueOf(codes.get(value.intValue())));
            } else if (ARRAYS_WRITTEN_AS_OBJECT.contains(name) && value.isObject()) {
                members.set(name, JsonNodeFactory.instance.arrayNode().add(normalise(name, value)));
            } else {
                members.set(name, normalise(name, value));
            }
        });
        return members;
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.carrierhub.bring.shipment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;

/**
 * Compares what the hub writes with Bring's JSON samples, as the samples are. Numbers compare by value: the .NET
 * serialiser writes its doubles with a fraction ({@code 112.0}), the hub writes a decimal as the ERP gave it
 * ({@code 112}), the same number to any JSON reader. Everything else must be equal, the samples' enum ordinals
 * ({@code "unitCode": 1}) and single objects (one DangerousGoods) included.
 */
public final class BringSampleJson {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (expected, actual) ->
            expected.isNumber() && actual.isNumber() ? expected.decimalValue().compareTo(actual.decimalValue())
                    : expected.equals(actual) ? 0 : 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private BringSampleJson() {
    }

    public static void assertSameAsSample(byte[] sample, byte[] actual) {
        JsonNode expected = read(sample);
        JsonNode written = read(actual);
        assertTrue(expected.equals(NUMBERS_BY_VALUE, written),
                () -> "the hub's JSON differs from Bring's sample\nexpected:\n" + expected.toPrettyString()
                        + "\nactual:\n" + written.toPrettyString());
    }

    public static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

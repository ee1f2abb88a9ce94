package io.carrierhub.bring.shipment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.Order;
import io.carrierhub.xml.XmlDates;
import jakarta.xml.bind.JAXBElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.xml.datatype.XMLGregorianCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.DifferenceEvaluators;
import org.xmlunit.diff.Diff;

/**
 * A canonical order, mapped and written, is Bring's own sample. Each sample has its own order because the XML and
 * JSON samples carry different timestamps; in every sample the request date is the document date. A response
 * sample, read and written back as the sandbox writes its answers, is the sample again.
 */
class BringShipmentGoldenTest {

    // every golden order has its createdAt, which is the sample's DocumentDate: the time of receipt is not used
    private static final XMLGregorianCalendar RECEIVED = XmlDates.parse("2026-11-23T08:15:00+01:00");

    private final OrderCodec orders = new OrderCodec();
    private final BringShipmentMapper mapper = new BringShipmentMapper();
    private final BringShipmentCodec codec = new BringShipmentCodec();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"order-shipment-xml.xml, shipment.xml", "order-booking-xml.xml, booking.xml"})
    void writesTheXmlSample(String order, String sample) {
        byte[] written = codec.writeXmlRequest(request(order));

        // the element order is part of the contract: a reordered sibling is a difference, not a similarity
        assertSameXml(golden(sample), written, ComparisonType.CHILD_NODELIST_SEQUENCE);
    }

    @Test
    void writesTheXmlResponseSample() {
        byte[] written = codec.writeResponse(codec.readResponse(golden("response.xml"), false), false);

        // siblings in order, and Bring's namespace the default one as in the sample: a prefix is a difference here
        assertSameXml(golden("response.xml"), written, ComparisonType.CHILD_NODELIST_SEQUENCE, ComparisonType.NAMESPACE_PREFIX);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"order-shipment-json.xml, shipment.json", "order-booking-json.xml, booking.json"})
    void writesTheJsonSample(String order, String sample) {
        BringSampleJson.assertSameAsSample(golden(sample), codec.writeJsonRequest(request(order), JsonEnums.ORDINAL));
    }

    @Test
    void writesTheJsonResponseSample() {
        byte[] written = codec.writeResponse(codec.readResponse(golden("response.json"), true), true);

        assertEquals(BringSampleJson.read(golden("response.json")), BringSampleJson.read(written));
    }

    private JAXBElement<BringShipmentRequest> request(String orderFile) {
        Order order = orders.readOrder(new String(golden(orderFile), StandardCharsets.UTF_8));
        return mapper.toRequest(order, "Original", order.getCreatedAt(), () -> RECEIVED);
    }

    /** The sample's document, up to whitespace, comments and the similarities XMLUnit allows but {@code different}. */
    private static void assertSameXml(byte[] sample, byte[] written, ComparisonType... different) {
        Diff diff = DiffBuilder.compare(Input.fromByteArray(sample))
                .withTest(Input.fromByteArray(written))
                .ignoreWhitespace()
                .ignoreComments()
                .checkForSimilar()
                .withDifferenceEvaluator(DifferenceEvaluators.chain(DifferenceEvaluators.Default,
                        DifferenceEvaluators.upgradeDifferencesToDifferent(different)))
                .build();

        assertFalse(diff.hasDifferences(), () -> diff + "\n" + new String(written, BringShipmentCodec.CHARSET));
    }

    static byte[] golden(String name) {
        try (InputStream in = BringShipmentGoldenTest.class.getResourceAsStream("/golden/bring-shipment/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

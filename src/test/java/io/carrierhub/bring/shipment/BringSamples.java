package io.carrierhub.bring.shipment;

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
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.DifferenceEvaluators;

/** Bring's samples from the seed ({@code golden/bring-shipment}), the orders that map to them, and an XML comparison. */
public final class BringSamples {

    // every golden order has its createdAt, which is the sample's DocumentDate: the time of receipt is not used
    private static final XMLGregorianCalendar RECEIVED = XmlDates.parse("2026-11-23T08:15:00+01:00");

    private BringSamples() {
    }

    public static byte[] golden(String name) {
        try (InputStream in = BringSamples.class.getResourceAsStream("/golden/bring-shipment/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request the hub maps from a golden order (order-shipment-xml.xml is Bring's shipment.xml sample). */
    static JAXBElement<BringShipmentRequest> request(String orderFile) {
        Order order = new OrderCodec().readOrder(new String(golden(orderFile), StandardCharsets.UTF_8));
        return new BringShipmentMapper().toRequest(order, "Original", order.getCreatedAt(), () -> RECEIVED);
    }

    /** The sample's document, up to whitespace, comments and the similarities XMLUnit allows but {@code different}. */
    public static void assertSameXml(byte[] sample, byte[] written, ComparisonType... different) {
        Diff diff = DiffBuilder.compare(Input.fromByteArray(sample))
                .withTest(Input.fromByteArray(written))
                .ignoreWhitespace()
                .ignoreComments()
                .checkForSimilar()
                .withDifferenceEvaluator(DifferenceEvaluators.chain(DifferenceEvaluators.Default,
                        DifferenceEvaluators.upgradeDifferencesToDifferent(different)))
                .build();

        assertFalse(diff.hasDifferences(), () -> diff + "\n" + new String(written, StandardCharsets.ISO_8859_1));
    }
}

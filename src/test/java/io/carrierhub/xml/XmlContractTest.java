package io.carrierhub.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carrierhub.order.model.ObjectFactory;
import io.carrierhub.order.model.Order;
import jakarta.xml.bind.JAXBElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlContractTest {

    private final XmlContract contract = new XmlContract("xsd/order.xsd", ObjectFactory.class);

    @Test
    void writesInOnePassWhatAPlainWriteWrites() throws Exception {
        JAXBElement<?> order = sample();

        assertThat(contract.writeValid(order, StandardCharsets.ISO_8859_1))
                .isEqualTo(contract.write(order, StandardCharsets.ISO_8859_1));
        assertThat(contract.writeValid(order, StandardCharsets.UTF_8))
                .isEqualTo(contract.write(order, StandardCharsets.UTF_8));
    }

    @Test
    void refusesToWriteWhatBreaksTheSchemaAndSaysEachErrorOnce() throws Exception {
        @SuppressWarnings("unchecked")
        JAXBElement<Order> order = (JAXBElement<Order>) sample();
        order.getValue().setCarrier(null);

        assertThatThrownBy(() -> contract.writeValid(order, StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(XmlContract.Refusal.class, refusal -> {
                    assertThat(refusal.breaksSchema()).isTrue();
                    assertThat(refusal.getMessage()).contains("carrier");
                    String[] errors = refusal.getMessage().split("; ");
                    assertThat(errors).doesNotHaveDuplicates();
                });
        assertThatThrownBy(() -> contract.validate(order))
                .isInstanceOf(XmlContract.Refusal.class)
                .satisfies(refusal -> assertThat(Arrays.asList(refusal.getMessage().split("; "))).doesNotHaveDuplicates());
    }

    @Test
    void readsEachDocumentOfAThreadAsAFreshContractReadsIt() throws Exception {
        String valid = Files.readString(Path.of("samples/shipment-create.xml"));
        List<String> documents = List.of(
                valid,
                valid.replace("<carrier>bring-shipment</carrier>", "<carrier>bring-shipment</carrier><carrier>x</carrier>"),
                valid.replace("<city>Bergen</city>", ""),
                valid.substring(0, valid.length() / 2),
                valid.replace("<orderId>", "<ns9:unknown xmlns:ns9=\"urn:x\"/><orderId>"),
                valid);

        for (String document : documents) {
            assertThat(outcome(contract, document)).isEqualTo(outcome(new XmlContract("xsd/order.xsd", ObjectFactory.class), document));
        }
        assertThat(outcome(contract, documents.get(1))).startsWith("refused, breaks the schema: line 5: cvc-complex-type.2.4.a");
    }

    @Test
    void writesEachElementOfAThreadAsAFreshContractWritesIt() throws Exception {
        @SuppressWarnings("unchecked")
        JAXBElement<Order> broken = (JAXBElement<Order>) sample();
        broken.getValue().setCarrier(null);
        JAXBElement<?> valid = sample();

        String document = Files.readString(Path.of("samples/shipment-create.xml"));
        for (JAXBElement<?> element : List.of(valid, broken, valid, broken, valid)) {
            assertThat(written(contract, element)).isEqualTo(written(new XmlContract("xsd/order.xsd", ObjectFactory.class), element));
            // a read between writes gets the same thread's handler
            assertThat(outcome(contract, document)).isEqualTo(outcome(new XmlContract("xsd/order.xsd", ObjectFactory.class), document));
        }
    }

    private static String outcome(XmlContract contract, String document) {
        try {
            return "read: " + new String(contract.write((JAXBElement<?>) contract.read(document.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (XmlContract.Refusal refusal) {
            return "refused, " + (refusal.breaksSchema() ? "breaks the schema: " : "unreadable: ") + refusal.getMessage();
        }
    }

    private static String written(XmlContract contract, JAXBElement<?> element) {
        try {
            return new String(contract.writeValid(element, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (XmlContract.Refusal refusal) {
            return "refused: " + refusal.getMessage();
        }
    }

    private JAXBElement<?> sample() throws Exception {
        return (JAXBElement<?>) contract.read(Files.readAllBytes(Path.of("samples/shipment-create.xml")));
    }
}

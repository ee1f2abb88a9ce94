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

    private JAXBElement<?> sample() throws Exception {
        return (JAXBElement<?>) contract.read(Files.readAllBytes(Path.of("samples/shipment-create.xml")));
    }
}

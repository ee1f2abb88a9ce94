package io.carrierhub.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import javax.xml.XMLConstants;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.junit.jupiter.api.Test;

class ValidatorHandlerPerThreadTest {

    private final ValidatorHandlerPerThread schema = new ValidatorHandlerPerThread(newSchema());

    @Test
    void givesAThreadItsOwnHandlerForItsDocuments() throws Exception {
        ValidatorHandler first = schema.newValidatorHandler();

        assertThat(schema.newValidatorHandler()).isSameAs(first);
        assertThat(CompletableFuture.supplyAsync(schema::newValidatorHandler).get()).isNotSameAs(first);
    }

    @Test
    void replacesAHandlerAfterItsDocumentsAndWhenForgotten() {
        ValidatorHandler first = schema.newValidatorHandler();
        for (int i = 1; i < ValidatorHandlerPerThread.DOCUMENTS_PER_HANDLER; i++) {
            assertThat(schema.newValidatorHandler()).isSameAs(first);
        }
        ValidatorHandler second = schema.newValidatorHandler();
        assertThat(second).isNotSameAs(first);

        schema.forget();
        assertThat(schema.newValidatorHandler()).isNotSameAs(second);
    }

    private static javax.xml.validation.Schema newSchema() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(ValidatorHandlerPerThreadTest.class.getResource("/xsd/order.xsd"));
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}

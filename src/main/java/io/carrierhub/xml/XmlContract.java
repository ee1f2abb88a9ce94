package io.carrierhub.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * An XML contract: an xsd and the JAXB classes generated from it. Documents are parsed without DTDs or external
 * entities; {@link #read} and {@link #validate} hold them to the schema and say what they break in a {@link Refusal}.
 */
public final class XmlContract {

    private static final int MAX_REPORTED_ERRORS = 10;

    private final JAXBContext context;
    private final ValidatorHandlerPerThread schema;
    private final XMLInputFactory input = XMLInputFactory.newFactory();

    /** The contract of {@code xsd} (a classpath resource) for the given JAXB classes, usually the xsd's ObjectFactory. */
    public XmlContract(String xsd, Class<?>... types) {
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            context = JAXBContext.newInstance(types);
            schema = new ValidatorHandlerPerThread(SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(XmlContract.class.getResource("/" + xsd)));
        } catch (JAXBException | SAXException e) {
            throw new IllegalStateException("cannot load the contract " + xsd, e);
        }
    }

    /** A document held to the schema: its root element, as JAXB binds it. */
    public Object read(byte[] body) throws Refusal {
        return unmarshal(body, schema);
    }

    /** A document held to the schema before (and not changed since): bound, not checked again. */
    public Object readChecked(byte[] body) throws Refusal {
        return unmarshal(body, null);
    }

    /**
     * A document whose elements may come in any order, as a reader that binds them by name (.NET's XmlSerializer,
     * JAXB) takes them: bound, then held to the schema as {@link #validate} does. What the classes do not know is
     * refused, not skipped.
     */
    public Object readInAnyOrder(byte[] body) throws Refusal {
        Object root = unmarshal(body, null);
        if (root instanceof JAXBElement<?> element) {
            validate(element);
        }
        return root;
    }

    /** Binds the document, held to {@code heldTo} while it is read when there is one. */
    private Object unmarshal(byte[] body, Schema heldTo) throws Refusal {
        List<String> errors = new ArrayList<>();
        Object root;
        try {
            Unmarshaller unmarshaller = context.createUnmarshaller();
            unmarshaller.setSchema(heldTo);
            unmarshaller.setEventHandler(event -> collect(event, errors));
            root = unmarshaller.unmarshal(parse(body));
        } catch (JAXBException | XMLStreamException e) {
            schema.forget();
            // JAXB stops at the first schema error: a failure that collected none is the parser's
            throw errors.isEmpty() ? new Refusal(e) : new Refusal(errors);
        }
        if (!errors.isEmpty()) {
            schema.forget();
            throw new Refusal(errors);
        }
        return root;
    }

    /** A document read as a {@code type} whatever its root, not held to the schema: what the classes do not know is skipped. */
    public <T> JAXBElement<T> readLeniently(byte[] body, Class<T> type) throws Refusal {
        return readLeniently(body, null, type);
    }

    /** As {@link #readLeniently(byte[], Class)}, decoded from {@code charset}; null: as the XML declaration says. */
    public <T> JAXBElement<T> readLeniently(byte[] body, Charset charset, Class<T> type) throws Refusal {
        try {
            XMLStreamReader reader = charset == null ? parse(body)
                    : input.createXMLStreamReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
            return context.createUnmarshaller().unmarshal(reader, type);
        } catch (JAXBException | XMLStreamException e) {
            throw new Refusal(e);
        }
    }

    /** Holds an element to the schema by writing it through a validating marshaller, which is how JSON meets it too. */
    public void validate(JAXBElement<?> element) throws Refusal {
        writeHeldToSchema(element, StandardCharsets.UTF_8, OutputStream.nullOutputStream());
    }

    public byte[] write(JAXBElement<?> element, Charset charset) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller(charset).marshal(element, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + element.getName(), e);
        }
    }

    /** As {@link #write}, held to the schema in the same pass, as {@link #validate} holds it: written only if it holds. */
    public byte[] writeValid(JAXBElement<?> element, Charset charset) throws Refusal {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeHeldToSchema(element, charset, out);
        return out.toByteArray();
    }

    private void writeHeldToSchema(JAXBElement<?> element, Charset charset, OutputStream out) throws Refusal {
        List<String> errors = new ArrayList<>();
        try {
            Marshaller marshaller = marshaller(charset);
            marshaller.setSchema(schema);
            marshaller.setEventHandler(event -> collect(event, errors));
            marshaller.marshal(element, out);
        } catch (JAXBException e) {
            // JAXB ends with the first error the handler was told of, or one it was not
            String cause = rootCause(e);
            if (!errors.contains(cause)) {
                errors.add(cause);
            }
        }
        if (!errors.isEmpty()) {
            schema.forget();
            throw new Refusal(errors);
        }
    }

    private Marshaller marshaller(Charset charset) throws JAXBException {
        Marshaller marshaller = context.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_ENCODING, charset.name());
        return marshaller;
    }

    /** The message of the innermost cause, where parsers and validators put what they found. */
    public static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private XMLStreamReader parse(byte[] body) throws XMLStreamException {
        return input.createXMLStreamReader(new ByteArrayInputStream(body));
    }

    private static boolean collect(ValidationEvent event, List<String> errors) {
        var where = event.getLocator();
        String error = (where != null && where.getLineNumber() > 0 ? "line " + where.getLineNumber() + ": " : "") + event.getMessage();
        // a validating marshaller reports one error at the start and at the end of its element
        if (errors.size() < MAX_REPORTED_ERRORS && !errors.contains(error)) {
            errors.add(error);
        }
        return event.getSeverity() != ValidationEvent.FATAL_ERROR;
    }

    /** A document refused: XML that breaks the schema (the message lists how), or no document JAXB could read. */
    public static final class Refusal extends Exception {

        private final boolean breaksSchema;

        private Refusal(List<String> errors) {
            super(String.join("; ", errors));
            this.breaksSchema = true;
        }

        private Refusal(Exception unreadable) {
            super(rootCause(unreadable), unreadable);
            this.breaksSchema = false;
        }

        public boolean breaksSchema() {
            return breaksSchema;
        }
    }
}

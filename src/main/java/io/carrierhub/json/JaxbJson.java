package io.carrierhub.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.jakarta.xmlbind.JakartaXmlBindAnnotationModule;
import io.carrierhub.xml.XmlDates;
import java.io.IOException;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Jackson mappers for the JAXB classes generated from {@code xsd/}: the JSON form of a contract is
 * read from the same annotations as its XML form. Attributes and elements become plain keys,
 * element lists become arrays, and xs:dateTime keeps its lexical form (offset and all digits).
 */
public final class JaxbJson {

    private JaxbJson() {
    }

    /** A mapper whose simple-content values are named {@code valueName} ("value" for the hub, "Value" for Bring). */
    public static ObjectMapper mapper(String valueName) {
        JakartaXmlBindAnnotationModule jaxb = new JakartaXmlBindAnnotationModule();
        jaxb.setNameUsedForXmlValue(valueName);
        SimpleModule dates = new SimpleModule("xml-datetime")
                .addSerializer(XMLGregorianCalendar.class, new LexicalDateTimeSerializer())
                .addDeserializer(XMLGregorianCalendar.class, new LexicalDateTimeDeserializer());
        return JsonMapper.builder()
                .addModule(jaxb)
                .addModule(dates)
                .serializationInclusion(JsonInclude.Include.NON_EMPTY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
    }

    /**
     * Where in a JSON document a problem is, for a person: {@code $.createOrder.goodsItem[0].package[1].grossWeight}
     * for a mapping error, or the line and column for a syntax error.
     */
    public static String where(JsonProcessingException problem, String root) {
        if (problem instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder(root);
            for (JsonMappingException.Reference step : mapping.getPath()) {
                path.append(step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]");
            }
            return path.toString();
        }
        JsonLocation location = problem.getLocation();
        return location != null && location.getLineNr() > 0
                ? "line " + location.getLineNr() + ", column " + location.getColumnNr()
                : root;
    }

    private static final class LexicalDateTimeSerializer extends JsonSerializer<XMLGregorianCalendar> {
        @Override
        public void serialize(XMLGregorianCalendar value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toXMLFormat());
        }
    }

    private static final class LexicalDateTimeDeserializer extends JsonDeserializer<XMLGregorianCalendar> {
        @Override
        public XMLGregorianCalendar deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return XmlDates.parse(text);
            } catch (IllegalArgumentException e) {
                return (XMLGregorianCalendar) context.handleWeirdStringValue(XMLGregorianCalendar.class, text, "not an xs:dateTime");
            }
        }
    }
}

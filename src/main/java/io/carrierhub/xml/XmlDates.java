package io.carrierhub.xml;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** xs:dateTime values for the generated classes: one DatatypeFactory for the whole hub. */
public final class XmlDates {

    private static final DatatypeFactory FACTORY = newFactory();

    private XmlDates() {
    }

    public static XMLGregorianCalendar now(Clock clock) {
        return FACTORY.newXMLGregorianCalendar(GregorianCalendar.from(ZonedDateTime.now(clock)));
    }

    /** @throws IllegalArgumentException when {@code lexical} is not an xs:dateTime */
    public static XMLGregorianCalendar parse(String lexical) {
        return FACTORY.newXMLGregorianCalendar(lexical);
    }

    private static DatatypeFactory newFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.carrierhub.xml;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
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

    public static XMLGregorianCalendar of(OffsetDateTime time) {
        return FACTORY.newXMLGregorianCalendar(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
    }

    /** The instant an xs:dateTime names, to the nanosecond; one without a time zone is taken as UTC. */
    public static OffsetDateTime toOffsetDateTime(XMLGregorianCalendar time) {
        String lexical = time.toXMLFormat();
        return time.getTimezone() == DatatypeConstants.FIELD_UNDEFINED
                ? LocalDateTime.parse(lexical).atOffset(ZoneOffset.UTC)
                : OffsetDateTime.parse(lexical);
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

package io.carrierhub.xml;

import java.math.BigDecimal;
import java.time.Clock;
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

    /**
     * The instant an xs:dateTime names, to the nanosecond (finer fractions are cut); one without a time zone is taken
     * as UTC. From the fields: writing the value out and parsing it again took eighty times as long.
     */
    public static OffsetDateTime toOffsetDateTime(XMLGregorianCalendar time) {
        ZoneOffset offset = time.getTimezone() == DatatypeConstants.FIELD_UNDEFINED
                ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(time.getTimezone() * 60);
        BigDecimal fraction = time.getFractionalSecond();
        int nanos = fraction == null ? 0 : fraction.movePointRight(9).intValue();
        return OffsetDateTime.of(time.getYear(), time.getMonth(), time.getDay(), time.getHour(), time.getMinute(),
                time.getSecond(), nanos, offset);
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

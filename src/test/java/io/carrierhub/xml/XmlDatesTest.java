package io.carrierhub.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlDatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:34:25+01:00", "2026-11-22T10:34:25Z", "2026-11-22T10:34:25.5-03:30",
            "2026-11-22T23:59:59.123456789+14:00", "1999-12-31T00:00:00.000-12:00", "2028-02-29T12:00:00.000001+05:45"})
    void givesTheInstantAndOffsetOfAnXsDateTime(String lexical) {
        assertThat(XmlDates.toOffsetDateTime(XmlDates.parse(lexical))).isEqualTo(OffsetDateTime.parse(lexical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:34:25", "2026-11-22T10:34:25.25"})
    void takesOneWithoutATimeZoneAsUtc(String lexical) {
        assertThat(XmlDates.toOffsetDateTime(XmlDates.parse(lexical))).isEqualTo(LocalDateTime.parse(lexical).atOffset(ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:34:25.1234567891Z"})
    void cutsAFractionFinerThanANanosecond(String lexical) {
        assertThat(XmlDates.toOffsetDateTime(XmlDates.parse(lexical))).isEqualTo(OffsetDateTime.parse("2026-11-22T10:34:25.123456789Z"));
    }
}

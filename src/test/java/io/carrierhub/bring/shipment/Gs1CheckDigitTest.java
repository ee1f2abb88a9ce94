package io.carrierhub.bring.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Gs1CheckDigitTest {

    /** Shipment (17 digits) and package numbers (18 digits) from Bring's own samples in the seed. */
    @ParameterizedTest
    @ValueSource(strings = {"70438101412575352", "70438103433199319", "73500012345678911", "370438103696190758", "373500123456789012"})
    void bringsNumbersEndInTheirCheckDigit(String number) {
        long serial = Long.parseLong(number.substring(0, number.length() - 1));
        assertThat(Gs1CheckDigit.append(serial, number.length() - 1)).isEqualTo(number);
    }

    @Test
    void aSerialIsPaddedToItsLengthAndNeverLonger() {
        assertThat(Gs1CheckDigit.append(42, 16)).hasSize(17).startsWith("0000000000000042");
        assertThatThrownBy(() -> Gs1CheckDigit.append(12_345, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.carrierhub.bring.shipment.sandbox;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shipment numbers (17 digits, as a GS1 GSIN) and package numbers (18 digits, as an SSCC), each ending in the
 * GS1 check digit. The company prefix lies in GS1's range for restricted circulation, so a sandbox number is
 * never a real Bring number.
 */
final class Gs1Numbers {

    private static final String COMPANY_PREFIX = "2990000";
    private static final String SSCC_EXTENSION_DIGIT = "3";
    private static final long SERIALS = 1_000_000_000L;

    // a random start keeps the numbers of one run apart from those of the last
    private final AtomicLong serial = new AtomicLong(ThreadLocalRandom.current().nextLong(SERIALS));

    String shipmentId() {
        return withCheckDigit(COMPANY_PREFIX + nextSerial());
    }

    String packageId() {
        return withCheckDigit(SSCC_EXTENSION_DIGIT + COMPANY_PREFIX + nextSerial());
    }

    private String nextSerial() {
        return "%09d".formatted(Math.floorMod(serial.getAndIncrement(), SERIALS));
    }

    static String withCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int weight = (digits.length() - i) % 2 == 1 ? 3 : 1;
            sum += (digits.charAt(i) - '0') * weight;
        }
        return digits + (10 - sum % 10) % 10;
    }
}

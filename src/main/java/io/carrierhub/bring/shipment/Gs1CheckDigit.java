package io.carrierhub.bring.shipment;

/** GS1's check digit (modulo 10, weights 3 and 1 from the right), as Bring's shipment and package numbers end in it. */
final class Gs1CheckDigit {

    private Gs1CheckDigit() {
    }

    /** The serial, zero-padded to {@code digits}, followed by its check digit. */
    static String append(long serial, int digits) {
        String body = String.format("%0" + digits + "d", serial);
        if (body.length() != digits) {
            throw new IllegalArgumentException("serial " + serial + " has more than " + digits + " digits");
        }
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(i) - '0') * ((body.length() - i) % 2 == 1 ? 3 : 1);
        }
        return body + (10 - sum % 10) % 10;
    }
}

package io.carrierhub.bring.po;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Bring's answers whether a customer is a purchase order customer, each trusted for a while. */
class CustomerChecks {

    private record Answer(boolean customer, Instant at) {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Duration expiry;
    private final Clock clock;

    CustomerChecks(Duration expiry, Clock clock) {
        this.expiry = expiry;
        this.clock = clock;
    }

    /** Bring's answer for this customer while it is fresh; empty when Bring must be asked. */
    Optional<Boolean> known(String customerNo) {
        Answer answer = answers.get(customerNo);
        if (answer == null || !clock.instant().isBefore(answer.at().plus(expiry))) {
            return Optional.empty();
        }
        return Optional.of(answer.customer());
    }

    void record(String customerNo, boolean customer) {
        answers.put(customerNo, new Answer(customer, clock.instant()));
    }
}

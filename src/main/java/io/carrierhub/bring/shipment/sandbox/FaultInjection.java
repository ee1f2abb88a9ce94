package io.carrierhub.bring.shipment.sandbox;

import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Failures and slowness the sandbox adds on purpose: a share of random 500s, a latency added to every answer,
 * and failures scheduled for the next requests, which come first and make tests deterministic.
 */
public class FaultInjection {

    private final double configuredFailureRate;
    private final Duration configuredLatency;
    private final Queue<Integer> scheduled = new ConcurrentLinkedQueue<>();
    private volatile double failureRate;
    private volatile Duration latency;

    FaultInjection(double failureRate, Duration latency) {
        this.configuredFailureRate = failureRate;
        this.configuredLatency = latency;
        reset();
    }

    /** Answers the next {@code count} requests with HTTP {@code status} (after anything scheduled before). */
    public void failNext(int count, int status) {
        if (count < 0 || status < 400 || status > 599) {
            throw new IllegalArgumentException("fail zero or more requests with a 4xx or 5xx status, not " + count + " with " + status);
        }
        for (int i = 0; i < count; i++) {
            scheduled.add(status);
        }
    }

    /** The share of requests, 0.0 to 1.0, answered with a 500. */
    public void failureRate(double rate) {
        if (rate < 0.0 || rate > 1.0) {
            throw new IllegalArgumentException("a failure rate is between 0.0 and 1.0: " + rate);
        }
        failureRate = rate;
    }

    public void latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("a latency is not negative: " + latency);
        }
        this.latency = latency;
    }

    /** Forgets scheduled failures and restores the configured failure rate and latency. */
    public void reset() {
        scheduled.clear();
        failureRate = configuredFailureRate;
        latency = configuredLatency;
    }

    /** The status this request fails with, if it is to fail. */
    Optional<Integer> nextFailure() {
        Integer status = scheduled.poll();
        if (status != null) {
            return Optional.of(status);
        }
        return ThreadLocalRandom.current().nextDouble() < failureRate ? Optional.of(500) : Optional.empty();
    }

    void delay() throws InterruptedException {
        Duration pause = latency;
        if (!pause.isZero()) {
            Thread.sleep(pause.toMillis());
        }
    }
}

package io.carrierhub.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Failures and slowness a sandbox adds on purpose. Every carrier request first waits the latency; then the faults
 * scheduled for the next requests come, in the order they were scheduled, which makes tests deterministic; then
 * the random ones: a connection reset, a status, an "accept, then 500", each at its rate.
 */
public class FaultInjection {

    private final double configuredFailureRate;
    private final Duration configuredLatency;
    private final Queue<Fault> scheduled = new ConcurrentLinkedQueue<>();
    private volatile Fault.Status failure;
    private volatile double failureRate;
    private volatile double connectionResetRate;
    private volatile double acceptThenFailRate;
    private volatile Duration latency;

    /** Faults that start as configured: a share of 500s and a latency; {@link #reset()} comes back to them. */
    public FaultInjection(double failureRate, Duration latency) {
        this.configuredFailureRate = rate(failureRate);
        this.configuredLatency = positive(latency);
        reset();
    }

    /** Answers the next {@code count} requests with HTTP {@code status} (after anything scheduled before). */
    public void failNext(int count, int status) {
        failNext(count, status, null);
    }

    /** As {@link #failNext(int, int)}, with a Retry-After header (seconds or an HTTP date). */
    public void failNext(int count, int status, String retryAfter) {
        schedule(count, new Fault.Status(status(status), retryAfter(retryAfter)));
    }

    /** Answers a share of requests, 0.0 to 1.0, with HTTP {@code status}; replaces the share set before. */
    public void failWith(int status, double rate) {
        failWith(status, rate, null);
    }

    /** As {@link #failWith(int, double)}, with a Retry-After header (seconds or an HTTP date). */
    public synchronized void failWith(int status, double rate, String retryAfter) {
        failure = new Fault.Status(status(status), retryAfter(retryAfter));
        failureRate = rate(rate);
    }

    /** The share of requests, 0.0 to 1.0, answered with a 500. */
    public void failureRate(double rate) {
        failWith(500, rate);
    }

    public void latency(Duration latency) {
        this.latency = positive(latency);
    }

    /** Closes the connection of the next {@code count} requests without an answer. */
    public void resetNext(int count) {
        schedule(count, new Fault.ConnectionReset());
    }

    /** Closes the connection of a share of requests, 0.0 to 1.0, without an answer. */
    public void resetRate(double rate) {
        connectionResetRate = rate(rate);
    }

    /** Lets the carrier process the next {@code count} requests, then answers them with a 500. */
    public void acceptThenFailNext(int count) {
        schedule(count, new Fault.AcceptThenFail());
    }

    /** Lets the carrier process a share of requests, 0.0 to 1.0, then answers them with a 500. */
    public void acceptThenFailRate(double rate) {
        acceptThenFailRate = rate(rate);
    }

    /** Forgets scheduled faults and rates, and restores the configured failure rate and latency. */
    public synchronized void reset() {
        scheduled.clear();
        failure = new Fault.Status(500, null);
        failureRate = configuredFailureRate;
        connectionResetRate = 0.0;
        acceptThenFailRate = 0.0;
        latency = configuredLatency;
    }

    /** The faults as they stand. */
    public synchronized FaultSettings settings() {
        return new FaultSettings(latency, failure.status(), failureRate, failure.retryAfter(),
                new FaultSettings.Share(connectionResetRate), new FaultSettings.Share(acceptThenFailRate),
                scheduled.stream().map(FaultSettings::describe).toList());
    }

    /** The fault for this request, if it gets one. */
    Optional<Fault> next() {
        Fault planned = scheduled.poll();
        if (planned != null) {
            return Optional.of(planned);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() < connectionResetRate) {
            return Optional.of(new Fault.ConnectionReset());
        }
        Fault.Status status;
        double rate;
        synchronized (this) {
            status = failure;
            rate = failureRate;
        }
        if (random.nextDouble() < rate) {
            return Optional.of(status);
        }
        return random.nextDouble() < acceptThenFailRate ? Optional.of(new Fault.AcceptThenFail()) : Optional.empty();
    }

    void delay() throws InterruptedException {
        Duration pause = latency;
        if (!pause.isZero()) {
            Thread.sleep(pause.toMillis());
        }
    }

    private void schedule(int count, Fault fault) {
        if (count < 0) {
            throw new IllegalArgumentException("next must be zero or more requests, not " + count);
        }
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            faults.add(fault);
        }
        scheduled.addAll(faults);
    }

    static int status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be a 4xx or 5xx HTTP status, not " + status);
        }
        return status;
    }

    static double rate(double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("rate must be between 0.0 and 1.0, not " + rate);
        }
        return rate;
    }

    static Duration positive(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        return latency;
    }

    static String retryAfter(String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException("retryAfter must be seconds or an HTTP date, not blank");
        }
        return value;
    }
}

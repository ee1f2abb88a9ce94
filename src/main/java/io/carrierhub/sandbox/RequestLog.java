package io.carrierhub.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The last carrier requests a sandbox answered, bounded so that a benchmark cannot exhaust the memory. */
public class RequestLog {

    static final int CAPACITY = 10_000;

    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final AtomicLong received = new AtomicLong();

    /** The recorded requests, oldest first (at most the last {@value #CAPACITY}). */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    /** The recorded requests whose path starts with {@code pathPrefix}, oldest first. */
    public synchronized List<RecordedRequest> matching(String pathPrefix) {
        return requests.stream().filter(request -> request.path().startsWith(pathPrefix)).toList();
    }

    /** Carrier requests received since the start or the last {@link #clear()}, answered yet or not. */
    public long count() {
        return received.get();
    }

    public synchronized void clear() {
        requests.clear();
        received.set(0);
    }

    void received() {
        received.incrementAndGet();
    }

    synchronized void add(RecordedRequest request) {
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }
}

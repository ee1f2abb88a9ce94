package io.carrierhub.bringg.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Bringg tasks (orders) the sandbox handed to the fleet, each with its call sequence as the fleet made it,
 * checked against Bringg's order: a call out of order is refused and kept as a violation; the gaps between the
 * location updates of a started task (from start_task to end_task) are measured.
 */
final class SandboxTasks {

    enum Status { CREATED, ASSIGNED, STARTED, CHECKED_IN, ENDED, CANCELLED }

    static final class Task {
        final long id;
        Status status = Status.CREATED;
        final List<Map<String, Object>> calls = new ArrayList<>();
        final List<String> violations = new ArrayList<>();
        final List<Long> locations = new ArrayList<>();
        long startedAt;
        long endedAt;

        Task(long id) {
            this.id = id;
        }

        /** The longest time the task was on the way without a location update: start_task, each update, end_task. */
        long maxLocationGap(long now) {
            if (startedAt == 0) {
                return 0;
            }
            List<Long> points = new ArrayList<>();
            points.add(startedAt);
            points.addAll(locations);
            points.add(endedAt != 0 ? endedAt : now);
            long max = 0;
            for (int i = 1; i < points.size(); i++) {
                max = Math.max(max, points.get(i) - points.get(i - 1));
            }
            return max;
        }
    }

    private final Clock clock;
    private final Map<Long, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(9_832_913L);

    SandboxTasks(Clock clock) {
        this.clock = clock;
    }

    long newTask() {
        long id = next.incrementAndGet();
        tasks.put(id, new Task(id));
        return id;
    }

    void add(long id) {
        tasks.putIfAbsent(id, new Task(id));
    }

    Task find(long id) {
        return tasks.get(id);
    }

    /** Records the call; the reason it breaks the task's sequence, or null when it is legal (and applied). */
    synchronized String call(Task task, String call) {
        long now = clock.millis();
        Status status = task.status;
        String refusal = switch (call) {
            case "assign_driver", "cancel_delivery", "update_task" -> ended(status);
            case "start_task" -> status == Status.ASSIGNED ? null : "start_task needs an assigned driver and a task not started: " + status;
            case "update_driver_location" -> status == Status.STARTED || status == Status.CHECKED_IN ? null
                    : "update_driver_location for a task that is not started or is over: " + status;
            case "checkin" -> status == Status.STARTED ? null : "checkin needs a started task: " + status;
            case "checkout" -> status == Status.CHECKED_IN ? null : "checkout needs a checkin: " + status;
            case "create_note" -> status == Status.CREATED ? "create_note needs an assigned driver" : null;
            case "end_task" -> status == Status.STARTED || status == Status.CHECKED_IN ? null : "end_task needs a started task: " + status;
            default -> null;
        };
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("call", call);
        record.put("at", now);
        record.put("legal", refusal == null);
        task.calls.add(record);
        if (refusal != null) {
            task.violations.add(refusal);
            return refusal;
        }
        switch (call) {
            case "assign_driver" -> task.status = status == Status.CREATED ? Status.ASSIGNED : status;
            case "start_task" -> {
                task.status = Status.STARTED;
                task.startedAt = now;
            }
            case "update_driver_location" -> task.locations.add(now);
            case "checkin" -> task.status = Status.CHECKED_IN;
            case "checkout" -> task.status = Status.STARTED;
            case "end_task" -> {
                task.status = Status.ENDED;
                task.endedAt = now;
            }
            case "cancel_delivery" -> {
                task.status = Status.CANCELLED;
                task.endedAt = now;
            }
            default -> {
            }
        }
        return null;
    }

    private static String ended(Status status) {
        return status == Status.ENDED || status == Status.CANCELLED ? "the task is over: " + status : null;
    }

    List<Map<String, Object>> view() {
        long now = clock.millis();
        List<Map<String, Object>> view = new ArrayList<>();
        tasks.values().stream().sorted((a, b) -> Long.compare(a.id, b.id)).forEach(task -> {
            synchronized (this) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("taskId", task.id);
                entry.put("status", task.status.name());
                entry.put("sequence", task.calls.stream().filter(call -> (Boolean) call.get("legal")).map(call -> call.get("call")).toList());
                entry.put("calls", List.copyOf(task.calls));
                entry.put("violations", List.copyOf(task.violations));
                entry.put("locationUpdates", task.locations.size());
                entry.put("maxLocationGapMillis", task.maxLocationGap(now));
                view.add(entry);
            }
        });
        return view;
    }

    void reset() {
        tasks.clear();
    }
}

package io.carrierhub.drivoo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * One course and its life: created, assigned after {@code assignAfter}, in transit {@code pickupAfter} later,
 * delivered (or returned) {@code deliverAfter} later; cancelled at any time before the pickup. Its state is read off
 * the clock, so it advances on its own. The driver drives from home to the retailer while assigned, then to the
 * client while in transit; its position is where it is on that straight line at that moment.
 */
final class SandboxCourse {

    enum State { created, assigned, in_transit, delivered, returned, canceled }

    record Position(double lat, double lon) {
    }

    final int id;
    final SandboxPlaces.Retailer retailer;
    final SandboxPlaces.Driver driver;
    final Instant createdAt;
    private final Instant assignedAt;
    private final Instant inTransitAt;
    private final Instant doneAt;
    private JsonNode fields;
    private Instant modifiedAt;
    private Instant canceledAt;
    private boolean toReturn;

    SandboxCourse(int id, SandboxPlaces.Retailer retailer, SandboxPlaces.Driver driver, JsonNode fields, Instant now,
                  Duration assignAfter, Duration pickupAfter, Duration deliverAfter) {
        this.id = id;
        this.retailer = retailer;
        this.driver = driver;
        this.fields = fields;
        this.createdAt = now;
        this.modifiedAt = now;
        this.assignedAt = now.plus(assignAfter);
        this.inTransitAt = assignedAt.plus(pickupAfter);
        this.doneAt = inTransitAt.plus(deliverAfter);
    }

    synchronized State state(Instant now) {
        if (canceledAt != null) {
            return State.canceled;
        }
        if (now.isBefore(assignedAt)) {
            return State.created;
        }
        if (now.isBefore(inTransitAt)) {
            return State.assigned;
        }
        if (now.isBefore(doneAt)) {
            return State.in_transit;
        }
        return toReturn ? State.returned : State.delivered;
    }

    /** The last modification: an update, or the last change of state. */
    synchronized Instant updatedAt(Instant now) {
        Instant changed = switch (state(now)) {
            case created -> createdAt;
            case assigned -> assignedAt;
            case in_transit -> inTransitAt;
            case delivered, returned -> doneAt;
            case canceled -> canceledAt;
        };
        return changed.isAfter(modifiedAt) ? changed : modifiedAt;
    }

    /** The driver's position, or null before one is assigned. */
    synchronized Position driverPosition(Instant now, Position client) {
        Instant at = canceledAt != null && canceledAt.isBefore(now) ? canceledAt : now;
        Position home = new Position(driver.homeLat(), driver.homeLong());
        Position shop = new Position(retailer.lat(), retailer.lon());
        if (at.isBefore(assignedAt)) {
            return null;
        }
        if (at.isBefore(inTransitAt)) {
            return between(home, shop, assignedAt, inTransitAt, at);
        }
        if (at.isBefore(doneAt)) {
            return between(shop, client, inTransitAt, doneAt, at);
        }
        return toReturn ? shop : client;
    }

    synchronized JsonNode fields() {
        return fields;
    }

    /** Takes an update; refused once the parcel is picked up. */
    synchronized void update(JsonNode fields, Instant now) {
        State state = state(now);
        if (state != State.created && state != State.assigned) {
            throw new CourseRefused("La course " + id + " ne peut plus etre modifiee (etat " + state + ")");
        }
        this.fields = fields;
        this.modifiedAt = now;
    }

    /** Cancels it; refused once the parcel is picked up, or when cancelled already. */
    synchronized void cancel(Instant now) {
        State state = state(now);
        if (state != State.created && state != State.assigned) {
            throw new CourseRefused("La course " + id + " ne peut plus etre annulee (etat " + state + ")");
        }
        canceledAt = now;
    }

    /** The client is not there: the parcel goes back to the retailer, and the course ends returned. */
    synchronized void returnParcel(Instant now) {
        State state = state(now);
        if (state == State.delivered || state == State.returned || state == State.canceled) {
            throw new IllegalArgumentException("course " + id + " is " + state + " already");
        }
        toReturn = true;
    }

    private static Position between(Position from, Position to, Instant start, Instant end, Instant at) {
        double total = Duration.between(start, end).toMillis();
        double done = total <= 0 ? 1.0 : Math.min(1.0, Duration.between(start, at).toMillis() / total);
        return new Position(from.lat() + (to.lat() - from.lat()) * done, from.lon() + (to.lon() - from.lon()) * done);
    }

    /** A request the course's state does not allow: Drivoo's 400. */
    static final class CourseRefused extends RuntimeException {
        CourseRefused(String message) {
            super(message);
        }
    }
}

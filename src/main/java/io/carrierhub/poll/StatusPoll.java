package io.carrierhub.poll;

import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import java.util.List;
import java.util.Set;

/**
 * A carrier's status poll. The shared poll mechanism runs it on its cron ({@code hub.polls.<name>}) with pages of the
 * open orders it follows, oldest first, records what it reports in the ledger and sends each event on the TMS event
 * stream. An order stops being polled once an event ends it (delivered, returned, cancelled, or what the poll calls
 * terminal).
 */
public interface StatusPoll {

    /** What ends an order unless a poll says otherwise. */
    Set<EventType> TERMINAL = Set.of(EventType.DELIVERED, EventType.RETURNED, EventType.CANCELLED);

    /** The poll's name: its settings are {@code hub.polls.<name>}. */
    String name();

    /** The carriers whose orders this poll may follow (the lanes that speak its API): the ledger reads only theirs. */
    Set<String> carriers();

    /** Whether this poll follows this open order of one of its {@link #carriers()} (say, it has the carrier's id). */
    boolean follows(OpenOrder order);

    /**
     * What the carrier says now of this open order: its new events since {@link OpenOrder#lastCarrierStatus()}, in the
     * order they happened; nothing when its state did not change. The mechanism asks about one order at a time, at the
     * poll's pace ({@code hub.polls.<name>.orders-per-second}).
     */
    List<TmsEvent> check(OpenOrder order);

    /** Whether this event ends its order: the order is then no longer polled. */
    default boolean terminal(TmsEvent event) {
        return TERMINAL.contains(event.getEventType());
    }
}

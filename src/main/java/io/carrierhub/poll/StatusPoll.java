package io.carrierhub.poll;

import io.carrierhub.order.model.TmsEvent;
import java.util.List;

/**
 * A carrier's status poll. The shared poll mechanism runs it on its cron ({@code hub.polls.<name>}) with pages of the
 * open orders it follows, oldest first, records what it reports in the ledger and sends each event on the TMS event
 * stream. An order stops being polled once an event ends it (delivered, returned, cancelled, or what the poll calls
 * terminal).
 */
public interface StatusPoll {

    /** The poll's name: its settings are {@code hub.polls.<name>}. */
    String name();

    /** Whether this poll follows this open order (typically: the order's carrier lane speaks this poll's API). */
    boolean follows(OpenOrder order);

    /**
     * What the carrier says now of these open orders: for each order whose state changed since
     * {@link OpenOrder#lastCarrierStatus()}, its new events, in the order they happened; nothing for the others.
     */
    List<TmsEvent> check(List<OpenOrder> orders);
}

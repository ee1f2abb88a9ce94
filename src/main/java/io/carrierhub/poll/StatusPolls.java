package io.carrierhub.poll;

import io.carrierhub.order.model.TmsEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status polls the hub runs, and what their route (routes/status-polls.yaml) asks of them: the next page of open
 * orders a poll follows, the poll's events for each of them, and whether an event is new to the ledger.
 */
public class StatusPolls {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPolls.class);

    private final Map<String, StatusPoll> polls = new TreeMap<>();
    private final PollSettings settings;
    private final PollLedger ledger;

    public StatusPolls(List<StatusPoll> polls, PollSettings settings, PollLedger ledger) {
        this.settings = settings;
        this.ledger = ledger;
        for (StatusPoll poll : polls) {
            if (!poll.name().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("status poll name '" + poll.name() + "' must be lower-case words joined by '-'");
            }
            if (this.polls.put(poll.name(), poll) != null) {
                throw new IllegalArgumentException("two status polls are named '" + poll.name() + "'");
            }
        }
    }

    public Collection<StatusPoll> all() {
        return polls.values();
    }

    public Set<String> names() {
        return polls.keySet();
    }

    /**
     * The page after {@code previous} (the first page when it is null), with the orders the poll follows: the open
     * orders of the poll's carriers, a carrier at a time.
     */
    public PollPage nextPage(String poll, PollPage previous) {
        StatusPoll statusPoll = poll(poll);
        List<String> carriers = statusPoll.carriers().stream().sorted().toList();
        if (carriers.isEmpty()) {
            return new PollPage(List.of(), null, null, null, false);
        }
        int size = settings.of(poll).pageSize();
        String carrier = previous == null ? carriers.get(0) : previous.carrier();
        List<PollLedger.OpenPage> page = ledger.openOrders(carrier, previous == null ? null : previous.lastCreatedAt(),
                previous == null ? null : previous.lastOrderId(), size);
        List<OpenOrder> followed = page.stream().map(PollLedger.OpenPage::order).filter(statusPoll::follows).toList();
        if (page.size() == size) {
            PollLedger.OpenPage last = page.get(page.size() - 1);
            return new PollPage(followed, carrier, last.createdAt(), last.order().orderId(), true);
        }
        int next = carriers.indexOf(carrier) + 1;
        return next < carriers.size()
                ? new PollPage(followed, carriers.get(next), null, null, true)
                : new PollPage(followed, carrier, null, null, false);
    }

    /**
     * The poll's events for one of the orders it follows, in the order the poll gives them; an event of another order
     * is dropped with a warning, and an event without its carrier gets the order's.
     */
    public List<TmsEvent> check(String poll, OpenOrder order) {
        List<TmsEvent> events = new ArrayList<>();
        for (TmsEvent event : poll(poll).check(order)) {
            if (!order.orderId().equals(event.getOrderId())) {
                LOG.warn("Poll {} reported an event of order {}, which it was not asked about: dropped", poll, event.getOrderId());
                continue;
            }
            if (event.getCarrier() == null) {
                event.setCarrier(order.carrier());
            }
            events.add(event);
        }
        return events;
    }

    /** Records the event in the ledger; false when it tells nothing new (then it is not sent). */
    public boolean record(String poll, TmsEvent event) {
        boolean recorded = ledger.record(event, poll(poll).terminal(event));
        if (!recorded) {
            LOG.debug("Poll {}: event {} of order {} tells nothing new", poll, PollLedger.status(event), event.getOrderId());
        }
        return recorded;
    }

    private StatusPoll poll(String name) {
        StatusPoll poll = polls.get(name);
        if (poll == null) {
            throw new IllegalArgumentException("no status poll named '" + name + "'; the hub runs " + polls.keySet());
        }
        return poll;
    }
}

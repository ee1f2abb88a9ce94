package io.carrierhub.drivoo;

import com.fasterxml.jackson.databind.JsonNode;
import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.order.model.Party;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The pickup sites of a Drivoo account ({@code GET /retailer}, every page), kept for the refresh period: the ERP
 * names its pickup site by the sender's name, Drivoo's {@code societe}; where Drivoo has several retailers of that
 * name, the sender's first address line picks the one whose {@code adresse} holds it. Names and addresses are
 * compared without case, accents or punctuation. A name not found reloads the list first, unless it is fresh.
 */
public class DrivooRetailers {

    static final String UNKNOWN = "UNKNOWN_PICKUP_SITE";
    /** A list younger than this is not reloaded for a name it lacks: a wrong name does not hammer Drivoo. */
    static final Duration FRESH = Duration.ofMinutes(1);

    record Retailer(int id, String societe, String adresse) {
    }

    private record Snapshot(List<Retailer> retailers, Instant loadedAt) {
    }

    private final String carrier;
    private final DrivooPages pages;
    private final Duration refresh;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public DrivooRetailers(String carrier, DrivooPages pages, Duration refresh, Clock clock) {
        this.carrier = carrier;
        this.pages = pages;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** The retailer_id of the sender's pickup site. */
    public int idOf(Party sender) {
        Snapshot current = current(false);
        List<Retailer> found = matching(current.retailers(), sender);
        if (found.isEmpty() && current.loadedAt().isBefore(clock.instant().minus(FRESH))) {
            found = matching(current(true).retailers(), sender);
        }
        if (found.size() == 1) {
            return found.get(0).id();
        }
        String site = sender.getName() + (firstLine(sender) == null ? "" : " (" + firstLine(sender) + ")");
        throw new InvalidMessageException(UNKNOWN, found.isEmpty()
                ? carrier + " has no retailer named " + site + ": the sender's name must be the pickup site's societe at Drivoo"
                : carrier + " has " + found.size() + " retailers named " + site + " at that address: " + found.stream().map(Retailer::id).toList());
    }

    /** The retailers as last loaded (for tests and operations). */
    public List<Retailer> all() {
        return current(false).retailers();
    }

    private synchronized Snapshot current(boolean reload) {
        Instant now = clock.instant();
        if (reload || snapshot == null || !snapshot.loadedAt().plus(refresh).isAfter(now)) {
            List<Retailer> retailers = pages.all("retailer", "").stream().map(DrivooRetailers::retailer).toList();
            snapshot = new Snapshot(retailers, now);
        }
        return snapshot;
    }

    private static List<Retailer> matching(List<Retailer> retailers, Party sender) {
        String name = normal(sender.getName());
        List<Retailer> named = retailers.stream().filter(retailer -> normal(retailer.societe()).equals(name)).toList();
        String line = normal(firstLine(sender));
        if (named.size() <= 1 || line.isEmpty()) {
            return named;
        }
        return named.stream().filter(retailer -> normal(retailer.adresse()).contains(line)).toList();
    }

    private static String firstLine(Party sender) {
        return sender.getAddress() == null || sender.getAddress().getLine().isEmpty() ? null : sender.getAddress().getLine().get(0);
    }

    private static Retailer retailer(JsonNode member) {
        return new Retailer(member.path("id").asInt(), member.path("societe").asText(""), member.path("adresse").asText(""));
    }

    static String normal(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }
}

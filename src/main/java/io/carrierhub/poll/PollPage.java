package io.carrierhub.poll;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page of a poll's walk over the open orders, oldest first.
 *
 * @param followed        the orders of the page that the poll follows
 * @param lastCreatedAt   where the page ended: the next page starts after this order
 * @param lastOrderId     the id of that order
 * @param full            whether the page was full: then there may be more
 */
public record PollPage(List<OpenOrder> followed, OffsetDateTime lastCreatedAt, String lastOrderId, boolean full) {

    public PollPage {
        followed = List.copyOf(followed);
    }
}

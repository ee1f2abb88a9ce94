package io.carrierhub.poll;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page of a poll's walk over the open orders of its carriers, a carrier at a time, oldest first.
 *
 * @param followed        the orders of the page that the poll follows
 * @param carrier         the carrier whose orders the next page holds
 * @param lastCreatedAt   where the next page starts: after this order of the carrier, or at its first when null
 * @param lastOrderId     the id of that order
 * @param more            whether there may be more: the page was full, or another carrier's orders come next
 */
public record PollPage(List<OpenOrder> followed, String carrier, OffsetDateTime lastCreatedAt, String lastOrderId,
        boolean more) {

    public PollPage {
        followed = List.copyOf(followed);
    }
}

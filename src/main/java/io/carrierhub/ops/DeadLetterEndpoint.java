package io.carrierhub.ops;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * The dead-letter replay, one operation for people and scripts: over HTTP at {@code /actuator/deadletters} (GET: the
 * dead-letter queues and their depths; POST {@code {"orderId": ..., "errorCode": ...}}, both optional: the replay) and
 * as the MBean {@code org.springframework.boot:type=Endpoint,name=Deadletters}, which Hawtio shows and calls.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetters deadLetters;

    public DeadLetterEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public Map<String, Long> depths() {
        return deadLetters.depths();
    }

    /** Moves the dead letters of this order and/or with this error code (blank: any) back to their queues. */
    @WriteOperation
    public Map<String, Integer> replay(@Nullable String orderId, @Nullable String errorCode) {
        return deadLetters.replay(orderId, errorCode);
    }
}

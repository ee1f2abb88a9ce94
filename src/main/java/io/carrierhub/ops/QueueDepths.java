package io.carrierhub.ops;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import java.util.OptionalLong;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * How many messages a queue holds, scheduled ones included, as the broker counts them: asked through Artemis's
 * management address, so that it is the same for the embedded broker and an external one.
 */
public class QueueDepths {

    static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final long ANSWER_TIMEOUT_MILLIS = 5_000;

    private final ConnectionFactory connections;

    public QueueDepths(ConnectionFactory connections) {
        this.connections = unwrapped(connections);
    }

    /** The messages on the queue; empty when the broker has no such queue or does not answer. */
    public OptionalLong depth(String queue) {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = context.createTemporaryQueue();
            Message request = context.createMessage();
            JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
            request.setJMSReplyTo(replies);
            try (JMSConsumer answers = context.createConsumer(replies)) {
                context.createProducer().send(context.createQueue(MANAGEMENT_ADDRESS), request);
                Message answer = answers.receive(ANSWER_TIMEOUT_MILLIS);
                if (answer == null || !JMSManagementHelper.hasOperationSucceeded(answer)) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of(((Number) JMSManagementHelper.getResult(answer, Long.class)).longValue());
            }
        } catch (Exception unavailable) {
            return OptionalLong.empty();
        }
    }

    /** Spring's cache keeps consumers open; the hub's own short-lived ones must really close. */
    static ConnectionFactory unwrapped(ConnectionFactory connections) {
        return connections instanceof CachingConnectionFactory caching && caching.getTargetConnectionFactory() != null
                ? caching.getTargetConnectionFactory() : connections;
    }
}

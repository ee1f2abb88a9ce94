package io.carrierhub.ops;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * What the hub asks of the broker's queues, through Artemis's management address, so that it is the same for the
 * embedded broker and an external one: how many messages a queue holds, and moving the messages too large to read
 * to its dead-letter address, unread.
 */
public class BrokerQueues {

    static final String MANAGEMENT_ADDRESS = "activemq.management";
    /** The body size of a large message, in bytes, as Artemis's client sets it. */
    static final String LARGE_BODY_SIZE = "_AMQ_LARGE_SIZE";
    private static final long ANSWER_TIMEOUT_MILLIS = 5_000;

    private final ConnectionFactory connections;

    public BrokerQueues(ConnectionFactory connections) {
        this.connections = unwrapped(connections);
    }

    /** The messages on the queue, scheduled ones included; empty when the broker has no such queue or does not answer. */
    public OptionalLong depth(String queue) {
        return ask(queue, request -> JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount"))
                .map(count -> OptionalLong.of(count.longValue())).orElse(OptionalLong.empty());
    }

    /**
     * Moves the queue's messages whose body is larger than maxBytes to its dead-letter address, without anyone reading
     * them: a consumer that read one would hold all of it in memory. Returns how many it moved; 0 when the broker does
     * not answer (the next round tries again).
     */
    public int deadLetterLargerThan(String queue, long maxBytes) {
        return ask(queue, request -> JMSManagementHelper.putOperationInvocation(request, ResourceNames.QUEUE + queue,
                "sendMessagesToDeadLetterAddress", LARGE_BODY_SIZE + " > " + maxBytes))
                .map(Number::intValue).orElse(0);
    }

    private Optional<Number> ask(String queue, ManagementRequest request) {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = context.createTemporaryQueue();
            Message message = context.createMessage();
            request.write(message);
            message.setJMSReplyTo(replies);
            try (JMSConsumer answers = context.createConsumer(replies)) {
                context.createProducer().send(context.createQueue(MANAGEMENT_ADDRESS), message);
                Message answer = answers.receive(ANSWER_TIMEOUT_MILLIS);
                if (answer == null || !JMSManagementHelper.hasOperationSucceeded(answer)) {
                    return Optional.empty();
                }
                return Optional.of((Number) JMSManagementHelper.getResult(answer, Long.class));
            }
        } catch (Exception unavailable) {
            return Optional.empty();
        }
    }

    private interface ManagementRequest {
        void write(Message request) throws Exception;
    }

    /** Spring's cache keeps consumers open; the hub's own short-lived ones must really close. */
    static ConnectionFactory unwrapped(ConnectionFactory connections) {
        return connections instanceof CachingConnectionFactory caching && caching.getTargetConnectionFactory() != null
                ? caching.getTargetConnectionFactory() : connections;
    }
}

package io.carrierhub.ops;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * What the hub asks of the broker's queues, through Artemis's management address, so that it is the same for the
 * embedded broker and an external one: how many messages a queue holds, whether it pages, and moving the messages too
 * large to read to its dead-letter address, unread.
 * <p>
 * One connection with one temporary reply queue serves every question, opened again only after a failure: a
 * temporary queue is an MBean, and one made per question (every gauge, every oversized check) would have the console
 * reload its JMX tree under the operator several times a second.
 */
public class BrokerQueues implements AutoCloseable {

    static final String MANAGEMENT_ADDRESS = "activemq.management";
    /** The body size of a large message, in bytes, as Artemis's client sets it. */
    static final String LARGE_BODY_SIZE = "_AMQ_LARGE_SIZE";
    private static final long ANSWER_TIMEOUT_MILLIS = 5_000;

    private final ConnectionFactory connections;
    private JMSContext context;
    private TemporaryQueue replies;
    private JMSConsumer answers;

    public BrokerQueues(ConnectionFactory connections) {
        this.connections = unwrapped(connections);
    }

    /** The messages on the queue, scheduled ones included; empty when the broker has no such queue or does not answer. */
    public OptionalLong depth(String queue) {
        return ask(request -> JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount"),
                Long.class).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * Whether all of the address's messages are in the broker's memory: true when it does not page to disk, false when
     * it does or the broker does not answer.
     */
    public boolean inMemory(String address) {
        return !ask(request -> JMSManagementHelper.putAttribute(request, ResourceNames.ADDRESS + address, "paging"),
                Boolean.class).orElse(true);
    }

    /**
     * Moves the queue's messages whose body is larger than maxBytes to its dead-letter address, without anyone reading
     * them: a consumer that read one would hold all of it in memory. Returns how many it moved; 0 when the broker does
     * not answer (the next round tries again). The broker tests every message of the queue, paged ones read back from
     * disk: not for a queue that pages ({@link #inMemory}).
     */
    public int deadLetterLargerThan(String queue, long maxBytes) {
        return ask(request -> JMSManagementHelper.putOperationInvocation(request, ResourceNames.QUEUE + queue,
                "sendMessagesToDeadLetterAddress", LARGE_BODY_SIZE + " > " + maxBytes), Long.class)
                .map(Long::intValue).orElse(0);
    }

    private synchronized <T> Optional<T> ask(ManagementRequest request, Class<T> resultType) {
        try {
            if (context == null) {
                context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                replies = context.createTemporaryQueue();
                answers = context.createConsumer(replies);
            }
            Message message = context.createMessage();
            request.write(message);
            String question = UUID.randomUUID().toString();
            message.setJMSCorrelationID(question);
            message.setJMSReplyTo(replies);
            context.createProducer().send(context.createQueue(MANAGEMENT_ADDRESS), message);
            // the broker answers with the question's correlation id; an answer that came too late for its question is passed
            long deadline = System.currentTimeMillis() + ANSWER_TIMEOUT_MILLIS;
            for (long wait = ANSWER_TIMEOUT_MILLIS; wait > 0; wait = deadline - System.currentTimeMillis()) {
                Message answer = answers.receive(wait);
                if (answer != null && question.equals(answer.getJMSCorrelationID())) {
                    return JMSManagementHelper.hasOperationSucceeded(answer)
                            ? Optional.of(resultType.cast(JMSManagementHelper.getResult(answer, resultType)))
                            : Optional.empty();
                }
            }
            close();
            return Optional.empty();
        } catch (Exception unavailable) {
            close();
            return Optional.empty();
        }
    }

    /** Closes the connection; the next question opens another. */
    @Override
    public synchronized void close() {
        if (context != null) {
            try {
                context.close();
            } catch (RuntimeException alreadyBroken) {
                // closed with the broker that went away
            }
            context = null;
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

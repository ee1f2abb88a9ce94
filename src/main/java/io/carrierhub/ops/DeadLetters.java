package io.carrierhub.ops;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's dead-letter queues ({@code DLQ.<queue>} of every queue it consumes) and their replay: a dead letter goes
 * back to the queue it came from ({@code HubOriginQueue}) without the headers that say why it failed, as the message
 * it was, for the hub to take it afresh. All of a queue's chosen dead letters move in one JMS transaction: each is
 * either back on its queue or still dead, never both. The hub removed the order's idempotency key when it
 * dead-lettered it, so the replayed order is taken (once), not dropped as a copy.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final String PREFIX = "DLQ.";
    /** What a dead letter carries about its failure (docs/operations.md), and what the lane kept between attempts. */
    static final Set<String> FAILURE_HEADERS = Set.of("HubErrorCode", "HubErrorReason", "HubOriginQueue", "HubFailedRoute",
            "HubFailedAt", "HubAttempt", "HubFirstFailedAt", "HubLastErrorCode", "HubLastErrorReason", "HubNextAttemptAt");
    private static final long RECEIVE_TIMEOUT_MILLIS = 500;

    private final ConnectionFactory connections;
    private final List<String> queues;
    private final BrokerQueues depths;

    /** @param consumedQueues the queues the hub consumes; each has its {@code DLQ.<queue>} */
    public DeadLetters(ConnectionFactory connections, List<String> consumedQueues, BrokerQueues depths) {
        this.connections = BrokerQueues.unwrapped(connections);
        this.queues = consumedQueues.stream().map(queue -> PREFIX + queue).toList();
        this.depths = depths;
    }

    public List<String> queues() {
        return queues;
    }

    /** Each dead-letter queue and the messages on it (-1: the broker did not say). */
    public Map<String, Long> depths() {
        Map<String, Long> result = new LinkedHashMap<>();
        queues.forEach(queue -> result.put(queue, depths.depth(queue).orElse(-1)));
        return result;
    }

    /**
     * Moves dead letters back to their queues: all of them, or those of one order and/or one error code.
     *
     * @return how many went back, by dead-letter queue
     */
    public Map<String, Integer> replay(String orderId, String errorCode) {
        String selector = selector(orderId, errorCode);
        Map<String, Integer> replayed = new LinkedHashMap<>();
        for (String queue : queues) {
            int count = replayQueue(queue, selector);
            if (count > 0) {
                replayed.put(queue, count);
            }
        }
        log.info("Dead letters replayed (order {}, error code {}): {}", blankAsAny(orderId), blankAsAny(errorCode), replayed);
        return Collections.unmodifiableMap(replayed);
    }

    private int replayQueue(String deadLetterQueue, String selector) {
        try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED);
             JMSConsumer consumer = context.createConsumer(context.createQueue(deadLetterQueue), selector)) {
            JMSProducer producer = context.createProducer();
            List<String> orders = new ArrayList<>();
            Message deadLetter;
            while ((deadLetter = consumer.receive(RECEIVE_TIMEOUT_MILLIS)) != null) {
                String origin = origin(deadLetter, deadLetterQueue);
                producer.send(context.createQueue(origin), revived(context, deadLetter));
                orders.add(deadLetter.getStringProperty("HubOrderId") + " -> " + origin);
            }
            context.commit();
            if (!orders.isEmpty()) {
                log.info("Replayed from {}: {}", deadLetterQueue, orders);
            }
            return orders.size();
        } catch (JMSException e) {
            throw new IllegalStateException("replaying " + deadLetterQueue + " failed: " + e.getMessage(), e);
        }
    }

    /** The queue a dead letter goes back to: where the hub says it came from, else the one its DLQ is named after. */
    static String origin(Message deadLetter, String deadLetterQueue) throws JMSException {
        String origin = deadLetter.getStringProperty("HubOriginQueue");
        return origin != null && !origin.isBlank() ? origin : deadLetterQueue.substring(PREFIX.length());
    }

    /** The message as it was sent: its body, correlation id, group and properties, without its failure headers. */
    private static Message revived(JMSContext context, Message deadLetter) throws JMSException {
        Message copy;
        if (deadLetter instanceof TextMessage text) {
            copy = context.createTextMessage(text.getText());
        } else if (deadLetter instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            BytesMessage bytesCopy = context.createBytesMessage();
            bytesCopy.writeBytes(body);
            copy = bytesCopy;
        } else {
            throw new JMSException("a dead letter of type " + deadLetter.getClass().getSimpleName() + " cannot be replayed");
        }
        copy.setJMSCorrelationID(deadLetter.getJMSCorrelationID());
        for (String name : Collections.list((java.util.Enumeration<String>) deadLetter.getPropertyNames())) {
            if (!FAILURE_HEADERS.contains(name) && !name.startsWith("JMSX") && !name.startsWith("_AMQ")) {
                copy.setObjectProperty(name, deadLetter.getObjectProperty(name));
            }
        }
        String group = deadLetter.getStringProperty("JMSXGroupID");
        if (group != null) {
            copy.setStringProperty("JMSXGroupID", group);
        }
        return copy;
    }

    static String selector(String orderId, String errorCode) {
        List<String> conditions = new ArrayList<>();
        if (orderId != null && !orderId.isBlank()) {
            conditions.add("HubOrderId = " + quoted(orderId.trim()));
        }
        if (errorCode != null && !errorCode.isBlank()) {
            conditions.add("HubErrorCode = " + quoted(errorCode.trim()));
        }
        return conditions.isEmpty() ? null : String.join(" AND ", conditions);
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String blankAsAny(String value) {
        return value == null || value.isBlank() ? "any" : value;
    }
}

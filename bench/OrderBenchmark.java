import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Drops N orders on a queue through the real broker (persistent messages) and waits for N answers, timing each
 * order from send to answer. Sends are asynchronous (a completion listener per send), at most IN_FLIGHT orders
 * unanswered at a time. Three modes on the same broker and durability:
 *   hub       - orders to erp.orders, answers from erp.order-status (and the TMS events from erp.order-events, read
 *               as an ERP reads them): the whole hub, carrier sandbox included;
 *   broker    - the same messages to bench.in, moved to bench.out by transacted echo consumers (one persistent
 *               receive and one persistent send per commit, as the hub's intake does): the bare broker's figure;
 *   generator - the sends alone, each counted when the broker confirms it: the load generator's ceiling.
 *
 * java -cp CLASSPATH bench/OrderBenchmark.java MODE URL USER PASSWORD ORDERS IN_FLIGHT SAMPLE ECHO_CONSUMERS
 */
public class OrderBenchmark {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int orders = Integer.parseInt(args[4]);
        int inFlight = Integer.parseInt(args[5]);
        String template = Files.readString(Path.of(args[6]));
        boolean hub = mode.equals("hub");
        // generator: only the sends, each counted when the broker confirms it: the ceiling of the load generator
        boolean sink = mode.equals("generator");
        String in = hub ? "erp.orders" : sink ? "bench.sink" : "bench.in";
        String out = hub ? "erp.order-status" : "bench.out";
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(args[1], args[2], args[3]);
             Connection connection = factory.createConnection()) {
            connection.start();
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            long[] latencies = new long[orders];
            CountDownLatch answered = new CountDownLatch(orders);
            Semaphore window = new Semaphore(inFlight);
            int[] count = {0};
            int[] failures = {0};

            Session answers = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = answers.createConsumer(answers.createQueue(out));
            consumer.setMessageListener(message -> {
                Long start = sentAt.remove(correlation(message));
                if (start == null) {
                    return;
                }
                synchronized (count) {
                    latencies[count[0]++] = System.nanoTime() - start;
                    if (!text(message).contains("ACCEPTED")) {
                        failures[0]++;
                    }
                }
                window.release();
                answered.countDown();
            });
            if (hub) {
                // an ERP reads its TMS events too; left unread, they would pile up in the broker, in the hub's heap
                Session events = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                events.createConsumer(events.createQueue("erp.order-events")).setMessageListener(event -> { });
            }
            if (mode.equals("broker")) {
                for (int i = 0; i < Integer.parseInt(args[7]); i++) {
                    startEcho(connection);
                }
            }

            // asynchronous persistent sends: the generator never waits for the journal, only for a free slot
            Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = sending.createProducer(sending.createQueue(in));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            CompletionListener sent = new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    if (sink) {
                        long start = sentAt.remove(correlation(message));
                        synchronized (count) {
                            latencies[count[0]++] = System.nanoTime() - start;
                        }
                        window.release();
                        answered.countDown();
                    }
                }

                @Override
                public void onException(Message message, Exception exception) {
                    throw new IllegalStateException("a send failed", exception);
                }
            };
            long begin = System.nanoTime();
            for (int i = 0; i < orders; i++) {
                window.acquire();
                String orderId = "BENCH-" + run + "-" + i;
                TextMessage message = sending.createTextMessage(template.replace("SO-100234", orderId));
                message.setJMSCorrelationID(orderId);
                sentAt.put(orderId, System.nanoTime());
                producer.send(message, sent);
            }
            if (!answered.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(answered.getCount() + " orders unanswered after 10 minutes");
            }
            long elapsed = System.nanoTime() - begin;
            if (sink) {
                drain(connection, in, orders);
            }
            Arrays.sort(latencies);
            System.out.printf("mode=%s orders=%d in_flight=%d seconds=%.2f orders_per_s=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f not_accepted=%d%n",
                    mode, orders, inFlight, elapsed / 1e9, orders / (elapsed / 1e9),
                    latencies[orders / 2] / 1e6, latencies[(int) Math.ceil(orders * 0.99) - 1] / 1e6,
                    latencies[orders - 1] / 1e6, failures[0]);
        }
    }

    /** Empties the generator's queue, so that runs do not pile up messages in the journal. */
    private static void drain(Connection connection, String queue, int messages) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        for (int i = 0; i < messages && consumer.receive(5_000) != null; i++) {
            // taken off the queue
        }
        session.close();
    }

    /** The broker-only stand-in for the hub: a transacted move from bench.in to bench.out. */
    private static void startEcho(Connection connection) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue source = session.createQueue("bench.in");
        MessageProducer forward = session.createProducer(session.createQueue("bench.out"));
        forward.setDeliveryMode(DeliveryMode.PERSISTENT);
        session.createConsumer(source).setMessageListener(message -> {
            try {
                TextMessage answer = session.createTextMessage("<orderStatus><outcome>ACCEPTED</outcome></orderStatus>");
                answer.setJMSCorrelationID(message.getJMSCorrelationID());
                forward.send(answer);
                session.commit();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String correlation(Message message) {
        try {
            return message.getJMSCorrelationID();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}

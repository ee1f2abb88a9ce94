import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The ERP's side of faults/kill-test.sh and faults/restart-test.sh.
 *   send    - drops ORDERS orders KS-<run>-<n> on erp.orders (persistent, each confirmed by the broker), then exits;
 *             SAMPLES is one sample file or several, comma-separated, taken in turn; each sample's own order id
 *             (its orderId element or field) is replaced wherever it occurs;
 *   stream  - sends them at RATE orders a second, through broker restarts: a send that fails is made again on a new
 *             connection once the broker is back, under Artemis duplicate detection (_AMQ_DUPL_ID, the order id), so
 *             the broker keeps one copy even of a send it took just before it died;
 *   collect - reads erp.order-status until every one of the ORDERS orders has an answer (and 5 s more) or nothing
 *             came for IDLE_SECONDS; prints how many were answered, accepted, answered more than once, and missing; with
 *             ANSWERS, writes each answer there as a line: order id, carrier, outcome, error code or -, and the
 *             carrier's references as TYPE=id, tab-separated.
 *
 * java -cp CLASSPATH bench/OrderStream.java send URL USER PASSWORD RUN ORDERS SAMPLES
 * java -cp CLASSPATH bench/OrderStream.java stream URL USER PASSWORD RUN ORDERS SAMPLES RATE
 * java -cp CLASSPATH bench/OrderStream.java collect URL USER PASSWORD RUN ORDERS IDLE_SECONDS [ANSWERS]
 */
public class OrderStream {

    private static final long AFTER_THE_LAST_MILLIS = 5000;
    private static final Pattern ORDER_ID = Pattern.compile("<orderId>([^<]+)</orderId>|\"orderId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CARRIER = Pattern.compile("<carrier>([^<]+)</carrier>|\"carrier\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("<code>([^<]+)</code>|\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("<carrierReference type=\"([^\"]+)\">([^<]+)</carrierReference>");

    public static void main(String[] args) throws Exception {
        String run = args[4];
        int orders = Integer.parseInt(args[5]);
        if (args[0].equals("stream")) {
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(args[1], args[2], args[3])) {
                stream(factory, run, orders, Arrays.stream(args[6].split(",")).map(OrderStream::read).toList(),
                        Double.parseDouble(args[7]));
            }
            return;
        }
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(args[1], args[2], args[3]);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            if (args[0].equals("send")) {
                List<String> samples = Arrays.stream(args[6].split(",")).map(OrderStream::read).toList();
                send(session, run, orders, samples);
            } else {
                collect(session, run, orders, Integer.parseInt(args[6]), args.length > 7 ? Path.of(args[7]) : null);
            }
        }
    }

    private static void send(Session session, String run, int orders, List<String> samples) throws Exception {
        MessageProducer producer = session.createProducer(session.createQueue("erp.orders"));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        Semaphore unconfirmed = new Semaphore(256);
        CompletionListener confirmed = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                unconfirmed.release();
            }

            @Override
            public void onException(Message message, Exception exception) {
                throw new IllegalStateException("a send failed", exception);
            }
        };
        for (int i = 0; i < orders; i++) {
            unconfirmed.acquire();
            String orderId = orderId(run, i);
            String sample = samples.get(i % samples.size());
            TextMessage message = session.createTextMessage(sample.replace(first(ORDER_ID, sample), orderId));
            message.setJMSCorrelationID(orderId);
            producer.send(message, confirmed);
        }
        unconfirmed.acquire(256);
        System.out.println("sent=" + orders);
    }

    private static void stream(ActiveMQConnectionFactory factory, String run, int orders, List<String> samples, double rate)
            throws InterruptedException {
        long start = System.nanoTime();
        int resends = 0;
        Connection connection = null;
        Session session = null;
        MessageProducer producer = null;
        for (int i = 0; i < orders; ) {
            long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String orderId = orderId(run, i);
            try {
                if (producer == null) {
                    connection = factory.createConnection();
                    session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    producer = session.createProducer(session.createQueue("erp.orders"));
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                }
                String sample = samples.get(i % samples.size());
                TextMessage message = session.createTextMessage(sample.replace(first(ORDER_ID, sample), orderId));
                message.setJMSCorrelationID(orderId);
                message.setStringProperty("_AMQ_DUPL_ID", orderId);
                producer.send(message);
                i++;
            } catch (Exception brokerGone) {
                resends++;
                close(connection);
                connection = null;
                producer = null;
                Thread.sleep(500);
            }
        }
        close(connection);
        System.out.printf("sent=%d failed_sends_made_again=%d seconds=%.0f%n", orders, resends,
                (System.nanoTime() - start) / 1e9);
    }

    private static void close(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (Exception alreadyGone) {
            // the broker died with it
        }
    }

    private static void collect(Session session, String run, int orders, int idleSeconds, Path answersFile) throws Exception {
        MessageConsumer consumer = session.createConsumer(session.createQueue("erp.order-status"));
        PrintWriter answersOut = answersFile == null ? null : new PrintWriter(Files.newBufferedWriter(answersFile));
        Map<String, Integer> answers = new HashMap<>();
        Map<String, Integer> refusals = new HashMap<>();
        int accepted = 0;
        while (true) {
            // once every order has its answer, a few seconds more: a second answer would come soon after
            Message message = consumer.receive(answers.size() < orders ? idleSeconds * 1000L : AFTER_THE_LAST_MILLIS);
            if (message == null) {
                break;
            }
            String orderId = message.getJMSCorrelationID();
            if (orderId != null && orderId.startsWith("KS-" + run + "-")) {
                answers.merge(orderId, 1, Integer::sum);
                String text = ((TextMessage) message).getText();
                boolean yes = text.contains("ACCEPTED");
                String code = yes ? "-" : first(CODE, text);
                if (yes) {
                    accepted++;
                } else {
                    refusals.merge(code, 1, Integer::sum);
                }
                if (answersOut != null) {
                    answersOut.println(String.join("\t", orderId, first(CARRIER, text), yes ? "ACCEPTED" : "REJECTED", code,
                            REFERENCE.matcher(text).results().map(ref -> ref.group(1) + "=" + ref.group(2))
                                    .reduce((a, b) -> a + "\t" + b).orElse("")));
                }
            }
        }
        if (answersOut != null) {
            answersOut.close();
        }
        long twice = answers.values().stream().filter(count -> count > 1).count();
        System.out.printf("answered=%d accepted=%d answered_more_than_once=%d missing=%d refused=%s%n",
                answers.size(), accepted, twice, orders - answers.size(), refusals);
    }

    /** A sample, which must name its order id. */
    private static String read(String file) {
        try {
            String sample = Files.readString(Path.of(file));
            if (!ORDER_ID.matcher(sample).find()) {
                throw new IllegalArgumentException(file + " names no orderId");
            }
            return sample;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first match's first group that matched (the XML or the JSON form). */
    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return "?";
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    static String orderId(String run, int n) {
        return "KS-" + run + "-" + n;
    }
}

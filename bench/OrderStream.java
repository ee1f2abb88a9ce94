import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The ERP's side of bench/kill-test.sh and faults/restart-test.sh.
 *   send    - drops ORDERS orders KS-<run>-<n> on erp.orders (persistent, each confirmed by the broker), then exits;
 *   stream  - sends them at RATE orders a second, through broker restarts: a send that fails is made again on a new
 *             connection once the broker is back, under Artemis duplicate detection (_AMQ_DUPL_ID, the order id), so
 *             the broker keeps one copy even of a send it took just before it died;
 *   collect - reads erp.order-status until every one of the ORDERS orders has an answer or nothing came for
 *             IDLE_SECONDS; prints how many were answered, accepted, answered more than once, and missing.
 *
 * java -cp CLASSPATH bench/OrderStream.java send|collect URL USER PASSWORD RUN ORDERS SAMPLE|IDLE_SECONDS
 * java -cp CLASSPATH bench/OrderStream.java stream URL USER PASSWORD RUN ORDERS SAMPLE RATE
 */
public class OrderStream {

    public static void main(String[] args) throws Exception {
        String run = args[4];
        int orders = Integer.parseInt(args[5]);
        if (args[0].equals("stream")) {
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(args[1], args[2], args[3])) {
                stream(factory, run, orders, Files.readString(Path.of(args[6])), Double.parseDouble(args[7]));
            }
            return;
        }
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(args[1], args[2], args[3]);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            if (args[0].equals("send")) {
                send(session, run, orders, Files.readString(Path.of(args[6])));
            } else {
                collect(session, run, orders, Integer.parseInt(args[6]));
            }
        }
    }

    private static void send(Session session, String run, int orders, String template) throws Exception {
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
            TextMessage message = session.createTextMessage(template.replace("SO-100234", orderId));
            message.setJMSCorrelationID(orderId);
            producer.send(message, confirmed);
        }
        unconfirmed.acquire(256);
        System.out.println("sent=" + orders);
    }

    private static void stream(ActiveMQConnectionFactory factory, String run, int orders, String template, double rate)
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
                TextMessage message = session.createTextMessage(template.replace("SO-100234", orderId));
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

    private static void collect(Session session, String run, int orders, int idleSeconds) throws Exception {
        MessageConsumer consumer = session.createConsumer(session.createQueue("erp.order-status"));
        Map<String, Integer> answers = new HashMap<>();
        Map<String, Integer> refusals = new HashMap<>();
        int accepted = 0;
        while (answers.size() < orders) {
            Message message = consumer.receive(idleSeconds * 1000L);
            if (message == null) {
                break;
            }
            String orderId = message.getJMSCorrelationID();
            if (orderId != null && orderId.startsWith("KS-" + run + "-")) {
                answers.merge(orderId, 1, Integer::sum);
                String text = ((TextMessage) message).getText();
                if (text.contains("ACCEPTED")) {
                    accepted++;
                } else {
                    refusals.merge(text.replaceAll("(?s).*<code>(.*?)</code>.*", "$1"), 1, Integer::sum);
                }
            }
        }
        long twice = answers.values().stream().filter(count -> count > 1).count();
        System.out.printf("answered=%d accepted=%d answered_more_than_once=%d missing=%d refused=%s%n",
                answers.size(), accepted, twice, orders - answers.size(), refusals);
    }

    static String orderId(String run, int n) {
        return "KS-" + run + "-" + n;
    }
}

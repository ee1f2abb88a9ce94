import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The ERP's side of bench/soak.sh: an open-loop load. Orders go to erp.orders at a fixed RATE per second for MINUTES,
 * each at its own time whatever the hub answers (sends are asynchronous); answers are read from erp.order-status and
 * each is timed from the moment its order was due to be sent; the TMS events on erp.order-events are read and
 * counted, as an ERP reads them. Every minute it prints the orders sent and answered in that minute, the latencies of
 * that minute's answers, the hub's RSS and live threads (/proc of HUB_PID), the rows of the ledger's working tables
 * (JDBC_URL), the p50/p99/max of the carrier calls the ledger audited since the last line (the sandbox's share), and
 * the ledger's storage: an H2 file's size with the share of live data in its chunks, or PostgreSQL's database size
 * and the write-ahead log written so far. At the end it waits up
 * to a minute for the last answers. The first 10 seconds' orders are sent and answered but not counted: the
 * generator's own JVM takes a core then. Each line also gives the share of the machine's CPU that the hypervisor
 * took for other guests in that minute (steal, /proc/stat) and the seconds it took 5% or more; and the share in which
 * the CPU waited for the disk (iowait) and the seconds it did 25% or more of the time, where the syncs of the broker's
 * journal and of the ledger wait with it.
 *
 * Then, for the hub, where each answered order's time went, from the ledger's own timestamps (read every 5 seconds,
 * before the retention purges the audit): due to the intake's ledger row (the broker's delivery, the order read and checked,
 * the idempotency key), to the carrier's first call (the rest of the intake, its commits, the lane queue, the lane's
 * reads and the request), the carrier calls (to the end of the last one), to the order's first TMS event (the yes and
 * the audit in the ledger), and to the answer read here (the event and the answer sent, both commits, the delivery).
 * Each stage's p50 and p99 over all orders, and its mean over the slowest 1% of them: what a p99 order waited for;
 * and how many orders were answered while the hypervisor took 5% or more of the CPU in the seconds around them,
 * with the latencies of the others; the same for the seconds in which the CPU waited for the disk 25% or more.
 *
 * MODE echo (default hub) measures the broker's share of that latency instead: the same load on the same broker, at
 * the same rate, to queues where 4 + 4 transacted echo consumers in this JVM do the broker's part of the hub's work
 * and nothing else: an intake hop (bench.soak.in to bench.soak.lane, one receive and one send per commit) and a lane
 * hop (bench.soak.lane to bench.soak.out, one receive and two sends, the answer and its event, per commit).
 *
 * java -cp CLASSPATH bench/OrderSoak.java URL USER PASSWORD RATE MINUTES SAMPLE HUB_PID JDBC_URL JDBC_USER JDBC_PASSWORD [MODE]
 */
public class OrderSoak {

    private static final String[] WORKING_TABLES = {"CAMEL_MESSAGEPROCESSED", "hub_carrier_call"};
    private static final int ECHO_CONSUMERS = 4;
    private static final int WARM_UP_SECONDS = 10;
    private static final double STEAL_NOTED = 0.05; // a second with 5% of the machine's CPU stolen
    private static final double DISK_WAIT_NOTED = 0.25; // a second in which the CPU waited for the disk 25% of the time
    private static final String[] STAGES = {"intake_read", "to_carrier_call", "carrier_calls", "to_event", "to_answer"};

    private final String orders;
    private final String statuses;
    private final String tmsEvents;

    private final Map<String, Long> due = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger notAccepted = new AtomicInteger();
    private final AtomicInteger events = new AtomicInteger();
    private List<Long> minuteLatencies = new ArrayList<>();
    private List<Answer> answersToRead = new ArrayList<>();
    private final List<Stages> stages = Collections.synchronizedList(new ArrayList<>());
    // System.nanoTime() plus this is the wall clock's epoch in nanoseconds, the hub's ledger's clock
    private final long epochOffsetNanos = epochNanos(Instant.now()) - System.nanoTime();
    private Timestamp reportedAt = new Timestamp(System.currentTimeMillis());
    private final List<Long> allLatencies = new ArrayList<>();
    private java.sql.Connection stageReader;
    // the stage reads every few seconds, not at once at each minute's end: a burst of the generator's own CPU then
    // slowed the hub's orders of that moment; and the machine's CPU stolen by the hypervisor, each second
    private final ScheduledExecutorService background = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "soak-background");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, Double> stealBySecond = new ConcurrentHashMap<>();
    private final Map<Long, Double> diskWaitBySecond = new ConcurrentHashMap<>();
    private long[] cpuTicks = cpuTicks();
    private long cpuReportedFrom = System.currentTimeMillis() / 1000;
    private final Set<String> warming = ConcurrentHashMap.newKeySet();

    /** An order answered: when it was due and when its answer came (System.nanoTime()). */
    private record Answer(String orderId, long dueAt, long answeredAt) {
    }

    /**
     * Where an answered order's time went: nanoseconds in each of {@link #STAGES}, their total, when it was due
     * (System.nanoTime()), and whether the hypervisor stole CPU, or the CPU waited for the disk, around it.
     */
    private record Stages(long[] durations, long total, long dueAt, boolean stolen, boolean diskWaited) {
    }

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(args[3]);
        int minutes = Integer.parseInt(args[4]);
        String template = Files.readString(Path.of(args[5]));
        Path hub = Path.of("/proc", args[6], "status");
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(args[0], args[1], args[2])) {
            factory.setConfirmationWindowSize(1 << 20); // sends do not wait for the broker; it confirms them in the background
            try (Connection connection = factory.createConnection();
                 java.sql.Connection ledger = DriverManager.getConnection(args[7], args[8], args[9])) {
                boolean echo = args.length > 10 && args[10].equals("echo");
                OrderSoak soak = echo ? new OrderSoak("bench.soak.in", "bench.soak.out", "bench.soak.events")
                        : new OrderSoak("erp.orders", "erp.order-status", "erp.order-events");
                try (Connection echoes = factory.createConnection()) { // the hub's side, apart from the ERP's
                    if (!echo) {
                        soak.stageReader = DriverManager.getConnection(args[7], args[8], args[9]);
                    } else {
                        for (int i = 0; i < ECHO_CONSUMERS; i++) {
                            echo(echoes, "bench.soak.in", "bench.soak.lane", null);
                            echo(echoes, "bench.soak.lane", "bench.soak.out", "bench.soak.events");
                        }
                        echoes.start();
                    }
                    soak.run(connection, rate, minutes, template, hub, ledger);
                    if (!echo) {
                        soak.printStages();
                    }
                }
            }
        }
    }

    private OrderSoak(String orders, String statuses, String tmsEvents) {
        this.orders = orders;
        this.statuses = statuses;
        this.tmsEvents = tmsEvents;
    }

    /** One hop of the hub's work as the broker sees it: a receive and its sends, one commit; the answer says ACCEPTED. */
    private static void echo(Connection connection, String from, String to, String event) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer forward = session.createProducer(session.createQueue(to));
        forward.setDeliveryMode(DeliveryMode.PERSISTENT);
        MessageProducer events = event == null ? null : session.createProducer(session.createQueue(event));
        session.createConsumer(session.createQueue(from)).setMessageListener(message -> {
            try {
                TextMessage next = session.createTextMessage(event == null ? ((TextMessage) message).getText()
                        : "<orderStatus><outcome>ACCEPTED</outcome></orderStatus>");
                next.setJMSCorrelationID(message.getJMSCorrelationID());
                forward.send(next);
                if (events != null) {
                    events.send(session.createTextMessage("<tmsEvent><type>ACCEPTED</type></tmsEvent>"));
                }
                session.commit();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void run(Connection connection, double rate, int minutes, String template, Path hub, java.sql.Connection ledger)
            throws Exception {
        connection.start();
        Session answers = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        answers.createConsumer(answers.createQueue(statuses)).setMessageListener(this::answer);
        // an ERP reads its TMS events too; left unread, they would fill the broker's memory in the hub's heap, then page
        Session tms = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        tms.createConsumer(tms.createQueue(tmsEvents)).setMessageListener(event -> events.incrementAndGet());
        Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = sending.createProducer(sending.createQueue(orders));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        CompletionListener confirmed = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
            }

            @Override
            public void onException(Message message, Exception exception) {
                System.out.println("send failed: " + exception);
            }
        };
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        long interval = (long) (1e9 / rate);
        // the generator's own JVM takes a core for its first seconds (class loading, the JIT): orders of that time
        // are sent and answered, not counted
        long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
        for (long i = 0, start = System.nanoTime(); start + i * interval < warmUpEnd; i++) {
            LockSupport.parkNanos(start + i * interval - System.nanoTime());
            String orderId = "SOAK-" + run + "-W" + i;
            warming.add(orderId);
            send(sending, producer, template, orderId, confirmed);
        }
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); !warming.isEmpty() && System.nanoTime() < until; ) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // the warm-up's last TMS events
        events.set(0);
        background.scheduleAtFixedRate(this::sampleCpu, 0, 1, TimeUnit.SECONDS);
        if (stageReader != null) {
            background.scheduleWithFixedDelay(() -> readStages(takeAnswers()), 5, 5, TimeUnit.SECONDS);
        }
        long begin = System.nanoTime();
        int minute = 1;
        int sentBefore = 0;
        int answeredBefore = 0;
        for (long i = 0; ; i++) {
            long dueAt = begin + i * interval;
            if (dueAt >= begin + TimeUnit.MINUTES.toNanos(minute)) {
                LockSupport.parkNanos(begin + TimeUnit.MINUTES.toNanos(minute) - System.nanoTime());
                report("minute=" + minute, sent.get() - sentBefore, answered.get() - answeredBefore, takeMinute(), hub, ledger);
                sentBefore = sent.get();
                answeredBefore = answered.get();
                if (minute++ == minutes) {
                    break;
                }
            }
            LockSupport.parkNanos(dueAt - System.nanoTime());
            String orderId = "SOAK-" + run + "-" + i;
            due.put(orderId, dueAt);
            send(sending, producer, template, orderId, confirmed);
            sent.incrementAndGet();
        }
        long drainUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!due.isEmpty() && System.nanoTime() < drainUntil) {
            Thread.sleep(200);
        }
        report("after", 0, answered.get() - answeredBefore, takeMinute(), hub, ledger);
        List<Long> all;
        synchronized (this) {
            all = new ArrayList<>(allLatencies);
        }
        System.out.printf("total: rate=%.1f/s sent=%d answered=%d not_accepted=%d unanswered=%d events_read=%d %s%n", rate,
                sent.get(), answered.get(), notAccepted.get(), due.size(), events.get(), percentiles(all));
    }

    private static void send(Session session, MessageProducer producer, String template, String orderId,
                             CompletionListener confirmed) throws JMSException {
        TextMessage message = session.createTextMessage(template.replace("SO-100234", orderId));
        message.setJMSCorrelationID(orderId);
        producer.send(message, confirmed);
    }

    private void answer(Message message) {
        try {
            if (warming.remove(message.getJMSCorrelationID())) {
                return;
            }
            Long dueAt = due.remove(message.getJMSCorrelationID());
            if (dueAt == null) {
                return;
            }
            long answeredAt = System.nanoTime();
            long latency = answeredAt - dueAt;
            if (!((TextMessage) message).getText().contains("ACCEPTED")) {
                notAccepted.incrementAndGet();
            }
            synchronized (this) {
                minuteLatencies.add(latency);
                allLatencies.add(latency);
                answersToRead.add(new Answer(message.getJMSCorrelationID(), dueAt, answeredAt));
            }
            answered.incrementAndGet();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized List<Long> takeMinute() {
        List<Long> taken = minuteLatencies;
        minuteLatencies = new ArrayList<>();
        return taken;
    }

    /**
     * The shares of the machine's CPU time in the last second that the hypervisor took for other guests and that the
     * CPU waited for the disk (/proc/stat).
     */
    private void sampleCpu() {
        long[] now = cpuTicks();
        long total = 0;
        for (int i = 0; i < now.length; i++) {
            total += now[i] - cpuTicks[i];
        }
        long second = System.currentTimeMillis() / 1000;
        stealBySecond.put(second, share(now, 7, total));
        diskWaitBySecond.put(second, share(now, 4, total));
        cpuTicks = now;
    }

    /** The share of the CPU's ticks since the last sample that went to field {@code field} of /proc/stat's cpu line. */
    private double share(long[] now, int field, long total) {
        return total == 0 ? 0 : (double) (now[field] - cpuTicks[field]) / total;
    }

    private static long[] cpuTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] ticks = new long[8]; // user nice system idle iowait irq softirq steal
            for (int i = 0; i < ticks.length; i++) {
                ticks[i] = Long.parseLong(fields[i + 1]);
            }
            return ticks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a share of the CPU reached {@code noted} in a second of those an order took (steal, or the disk's wait). */
    private boolean noted(Map<Long, Double> bySecond, double noted, long fromNanos, long toNanos) {
        for (long second = (fromNanos + epochOffsetNanos) / 1_000_000_000L; second <= (toNanos + epochOffsetNanos) / 1_000_000_000L + 1; second++) {
            if (bySecond.getOrDefault(second, 0.0) >= noted) {
                return true;
            }
        }
        return false;
    }

    private synchronized List<Answer> takeAnswers() {
        List<Answer> taken = answersToRead;
        answersToRead = new ArrayList<>();
        return taken;
    }

    private List<Double> since(Map<Long, Double> bySecond, long until) {
        return bySecond.entrySet().stream().filter(e -> e.getKey() > cpuReportedFrom && e.getKey() <= until).map(Map.Entry::getValue).toList();
    }

    /** " name=P% seconds=N": a share's mean over a minute's seconds, and the seconds in which it reached {@code noted}. */
    private static String cpuShare(String name, String seconds, List<Double> bySecond, double noted) {
        return " %s=%.1f%% %s=%d".formatted(name, 100 * bySecond.stream().mapToDouble(d -> d).average().orElse(0), seconds,
                bySecond.stream().filter(d -> d >= noted).count());
    }

    private void report(String label, int sentInMinute, int answeredInMinute, List<Long> latencies, Path hub,
                        java.sql.Connection ledger) throws Exception {
        StringBuilder line = new StringBuilder("%s sent=%d answered=%d %s unanswered=%d".formatted(
                label, sentInMinute, answeredInMinute, percentiles(latencies), due.size()));
        long until = System.currentTimeMillis() / 1000;
        List<Double> steal = since(stealBySecond, until);
        List<Double> diskWait = since(diskWaitBySecond, until);
        cpuReportedFrom = until;
        line.append(cpuShare("cpu_steal", "seconds_stolen", steal, STEAL_NOTED));
        line.append(cpuShare("cpu_iowait", "seconds_waiting_disk", diskWait, DISK_WAIT_NOTED));
        List<String> status = Files.readAllLines(hub);
        line.append(" hub_rss_mib=").append(mib(status, "VmRSS"));
        line.append(" hub_peak_rss_mib=").append(mib(status, "VmHWM"));
        line.append(" hub_threads=").append(field(status, "Threads"));
        try (Statement statement = ledger.createStatement()) {
            for (String table : WORKING_TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    line.append(' ').append(table).append('=').append(rows.getLong(1));
                }
            }
            // the carrier's share of the minute: how long the hub waited for the sandbox's answers
            List<Long> calls = new ArrayList<>();
            try (PreparedStatement since = ledger.prepareStatement("SELECT duration_ms FROM hub_carrier_call WHERE called_at >= ?")) {
                since.setTimestamp(1, reportedAt);
                try (ResultSet durations = since.executeQuery()) {
                    while (durations.next()) {
                        calls.add(durations.getLong(1) * 1_000_000);
                    }
                }
            }
            reportedAt = new Timestamp(System.currentTimeMillis());
            line.append(" carrier_call_").append(percentiles(calls).replace(" ", " carrier_call_"));
            line.append(ledger.getMetaData().getURL().startsWith("jdbc:h2:") ? h2File(statement) : postgresStorage(statement));
        }
        System.out.println(line);
    }

    /** The stages of the answered orders, from the ledger's rows of them: on a thread of its own, not to delay sends. */
    private void readStages(List<Answer> answers) {
        try {
            for (int from = 0; from < answers.size(); from += 500) {
                List<Answer> chunk = answers.subList(from, Math.min(answers.size(), from + 500));
                String ids = String.join(",", Collections.nCopies(chunk.size(), "?"));
                Map<String, Long> received = epochs("SELECT order_id, created_at FROM hub_order WHERE order_id IN (" + ids + ")", chunk);
                Map<String, Long> firstEvent = epochs("SELECT order_id, MIN(recorded_at) FROM hub_order_event WHERE order_id IN ("
                        + ids + ") GROUP BY order_id", chunk);
                Map<String, long[]> calls = new HashMap<>(); // first call's start, last call's end
                try (PreparedStatement query = stageReader.prepareStatement(
                        "SELECT order_id, called_at, duration_ms FROM hub_carrier_call WHERE order_id IN (" + ids + ")")) {
                    bind(query, chunk);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            long start = epochNanos(rows.getObject(2, OffsetDateTime.class).toInstant());
                            long end = start + TimeUnit.MILLISECONDS.toNanos(rows.getLong(3));
                            calls.merge(rows.getString(1), new long[] {start, end},
                                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                        }
                    }
                }
                for (Answer answer : chunk) {
                    Long intake = received.get(answer.orderId());
                    long[] call = calls.get(answer.orderId());
                    Long event = firstEvent.get(answer.orderId());
                    if (intake == null || call == null || event == null) {
                        continue; // not a created order (refused, or purged): no stages to tell
                    }
                    long due = answer.dueAt() + epochOffsetNanos;
                    long answered = answer.answeredAt() + epochOffsetNanos;
                    stages.add(new Stages(new long[] {intake - due, call[0] - intake, call[1] - call[0], event - call[1],
                            answered - event}, answered - due, answer.dueAt(), noted(stealBySecond, STEAL_NOTED, answer.dueAt(), answer.answeredAt()),
                            noted(diskWaitBySecond, DISK_WAIT_NOTED, answer.dueAt(), answer.answeredAt())));
                }
            }
        } catch (SQLException e) {
            System.out.println("stages not read: " + e);
        }
    }

    private Map<String, Long> epochs(String sql, List<Answer> chunk) throws SQLException {
        Map<String, Long> epochs = new HashMap<>();
        try (PreparedStatement query = stageReader.prepareStatement(sql)) {
            bind(query, chunk);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    epochs.put(rows.getString(1), epochNanos(rows.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return epochs;
    }

    private static void bind(PreparedStatement query, List<Answer> chunk) throws SQLException {
        for (int i = 0; i < chunk.size(); i++) {
            query.setString(i + 1, chunk.get(i).orderId());
        }
    }

    private static long epochNanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    /**
     * Each stage's p50 and p99 over all orders read, and its mean over the slowest 1% (by the whole latency); with
     * -Dsoak.stages=FILE, each order's stages in FILE (CSV, milliseconds), by the time its order was due.
     */
    private void printStages() throws InterruptedException, IOException {
        background.shutdown();
        background.awaitTermination(1, TimeUnit.MINUTES);
        readStages(takeAnswers());
        try {
            stageReader.close();
        } catch (SQLException e) {
            System.out.println("stage reader not closed: " + e);
        }
        List<Stages> all = new ArrayList<>(stages);
        if (all.isEmpty()) {
            System.out.println("stages: none read");
            return;
        }
        String file = System.getProperty("soak.stages");
        if (file != null) {
            List<String> rows = new ArrayList<>(List.of("due_epoch_s," + String.join(",", STAGES) + ",total_ms,cpu_stolen,disk_waited"));
            all.stream().sorted(Comparator.comparingLong(Stages::dueAt)).forEach(order -> {
                StringBuilder row = new StringBuilder("%.3f".formatted((order.dueAt() + epochOffsetNanos) / 1e9));
                for (long duration : order.durations()) {
                    row.append(",%.1f".formatted(duration / 1e6));
                }
                rows.add(row.append(",%.1f,%d,%d".formatted(order.total() / 1e6, order.stolen() ? 1 : 0, order.diskWaited() ? 1 : 0)).toString());
            });
            Files.write(Path.of(file), rows);
        }
        all.sort(Comparator.comparingLong(Stages::total));
        List<Stages> slowest = all.subList((int) Math.ceil(all.size() * 0.99) - 1, all.size());
        StringBuilder line = new StringBuilder("stages of %d orders (ms, p50 / p99 / mean of the slowest %d):".formatted(
                all.size(), slowest.size()));
        for (int stage = 0; stage <= STAGES.length; stage++) {
            ToLongFunction<Stages> value = stage < STAGES.length ? stageOf(stage) : Stages::total;
            List<Long> values = all.stream().map(value::applyAsLong).sorted().toList();
            line.append(" %s=%.1f/%.1f/%.1f".formatted(stage < STAGES.length ? STAGES[stage] : "total",
                    values.get(values.size() / 2) / 1e6, values.get((int) Math.ceil(values.size() * 0.99) - 1) / 1e6,
                    slowest.stream().mapToLong(value).average().orElse(0) / 1e6));
        }
        System.out.println(line);
        // on a shared host, what the hub did on the CPU it had, apart from the moments the hypervisor took a share of it
        printApart("the hypervisor took %.0f%% or more of the machine's CPU in a second of theirs".formatted(100 * STEAL_NOTED),
                all, slowest, Stages::stolen);
        // a second in which the disk answered late holds up the broker's and the ledger's syncs, and so every order then
        printApart("the CPU waited for the disk %.0f%% or more of a second of theirs".formatted(100 * DISK_WAIT_NOTED),
                all, slowest, Stages::diskWaited);
    }

    /** How many orders, and of the slowest, were answered in a second when {@code what}; the others' latencies. */
    private static void printApart(String what, List<Stages> all, List<Stages> slowest, Predicate<Stages> noted) {
        List<Long> others = all.stream().filter(noted.negate()).map(Stages::total).toList();
        System.out.printf("orders answered while %s: %d of %d, %d of the slowest %d; the others: %s%n",
                what, all.size() - others.size(), all.size(), slowest.stream().filter(noted).count(), slowest.size(),
                percentiles(others));
    }

    private static ToLongFunction<Stages> stageOf(int stage) {
        return order -> order.durations()[stage];
    }

    /**
     * The H2 file's size; its blocks in use (the rest are holes); the live share of its chunks, and of the chunks older
     * than H2's retention time, the only ones compaction may rewrite.
     */
    private static String h2File(Statement statement) throws SQLException {
        Map<String, String> info = new HashMap<>();
        try (ResultSet file = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME LIKE 'info.%'")) {
            while (file.next()) {
                info.put(file.getString(1), file.getString(2));
            }
        }
        return " ledger_file_mib=" + (Long.parseLong(info.get("info.FILE_SIZE")) >> 20)
                + " ledger_file_fill=" + info.get("info.FILL_RATE") + '%'
                + " ledger_chunks_fill=" + info.get("info.CHUNKS_FILL_RATE") + '%'
                + " ledger_old_chunks_fill=" + info.get("info.CHUNKS_FILL_RATE_RW") + '%';
    }

    /** PostgreSQL's database size, and the write-ahead log written since the server's cluster was made. */
    private static String postgresStorage(Statement statement) throws SQLException {
        try (ResultSet sizes = statement.executeQuery("SELECT pg_database_size(current_database()) >> 20,"
                + " pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint >> 20")) {
            sizes.next();
            return " ledger_db_mib=" + sizes.getLong(1) + " ledger_wal_written_mib=" + sizes.getLong(2);
        }
    }

    /** A size field of /proc/PID/status ("12345 kB"), in MiB. */
    private static long mib(List<String> status, String name) {
        return Long.parseLong(field(status, name).split("\\s+")[0]) / 1024;
    }

    private static String field(List<String> status, String name) {
        return status.stream().filter(l -> l.startsWith(name + ":")).findFirst().orElseThrow().substring(name.length() + 1).trim();
    }

    private static String percentiles(List<Long> latencies) {
        if (latencies.isEmpty()) {
            return "p50_ms=- p99_ms=- max_ms=-";
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int n = sorted.size();
        return "p50_ms=%.0f p99_ms=%.0f max_ms=%.0f".formatted(sorted.get(n / 2) / 1e6,
                sorted.get((int) Math.ceil(n * 0.99) - 1) / 1e6, sorted.get(n - 1) / 1e6);
    }
}

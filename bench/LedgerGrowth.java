import com.zaxxer.hikari.HikariDataSource;
import io.carrierhub.ledger.H2Compaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * The embedded ledger's H2 file alone, written as fast as one connection can in the hub's pattern (per order: its
 * idempotency key and receipt in one commit, its acceptance and event in the next; keys purged after 20 s), with
 * URL_OPTIONS and with or without the hub's H2Compaction. Every 5 s: orders written, the file's size, its blocks in
 * use, the live share of all its chunks and of those past H2's retention time (the only ones compaction may rewrite),
 * and its chunk count. It tells the database's part of the file's growth from the hub's (faults/README.md, "Load held").
 *
 *   ./mvnw -q package -DskipTests   # for target/classes
 *   CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
 *   java -cp "$CP:target/classes" bench/LedgerGrowth.java ';WRITE_DELAY=0;RETENTION_TIME=5000' compact 45
 */
public class LedgerGrowth {

    public static void main(String[] args) throws Exception {
        String urlOptions = args[0];
        boolean compact = args[1].equals("compact");
        long end = System.currentTimeMillis() + 1000L * Integer.parseInt(args[2]);
        Path directory = Files.createTempDirectory("ledger-growth");
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:file:" + directory.resolve("ledger") + urlOptions);
            pool.setUsername("hub");
            H2Compaction compaction = new H2Compaction(pool, Duration.ofSeconds(1), 80);
            try (Connection connection = pool.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE orders (id VARCHAR(40) PRIMARY KEY, body VARCHAR(4000), status VARCHAR(20))");
                    statement.execute("CREATE TABLE events (id BIGINT AUTO_INCREMENT PRIMARY KEY, order_id VARCHAR(40), status VARCHAR(20))");
                    statement.execute("CREATE TABLE keys (id VARCHAR(60) PRIMARY KEY, seen TIMESTAMP)");
                }
                if (compact) {
                    compaction.start();
                }
                write(connection, end);
            } finally {
                if (compact) {
                    compaction.stop();
                }
            }
        }
    }

    private static void write(Connection connection, long end) throws Exception {
        PreparedStatement key = connection.prepareStatement("INSERT INTO keys VALUES (?, CURRENT_TIMESTAMP)");
        PreparedStatement received = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, 'RECEIVED')");
        PreparedStatement accepted = connection.prepareStatement("UPDATE orders SET status = 'ACCEPTED' WHERE id = ?");
        PreparedStatement event = connection.prepareStatement("INSERT INTO events (order_id, status) VALUES (?, 'ACCEPTED')");
        PreparedStatement purge = connection.prepareStatement("DELETE FROM keys WHERE seen < DATEADD('SECOND', -20, CURRENT_TIMESTAMP)");
        String body = "<order>" + "x".repeat(1500) + "</order>";
        long nextReport = System.currentTimeMillis() + 5000;
        connection.setAutoCommit(false);
        for (int order = 1; System.currentTimeMillis() < end; order++) {
            String id = "SO-" + order;
            key.setString(1, id);
            key.executeUpdate();
            received.setString(1, id);
            received.setString(2, body);
            received.executeUpdate();
            connection.commit();
            accepted.setString(1, id);
            accepted.executeUpdate();
            event.setString(1, id);
            event.executeUpdate();
            connection.commit();
            if (order % 500 == 0) {
                purge.executeUpdate();
                connection.commit();
            }
            if (System.currentTimeMillis() > nextReport) {
                nextReport += 5000;
                System.out.println("orders=" + order + " " + fileInfo(connection));
            }
        }
    }

    private static String fileInfo(Connection connection) throws Exception {
        StringBuilder line = new StringBuilder();
        try (Statement statement = connection.createStatement();
             ResultSet info = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE',"
                     + " 'info.CHUNKS_FILL_RATE_RW', 'info.CHUNK_COUNT') ORDER BY SETTING_NAME")) {
            while (info.next()) {
                String name = info.getString(1).substring("info.".length()).toLowerCase();
                String value = info.getString(2);
                line.append(name).append('=')
                        .append(name.equals("file_size") ? (Long.parseLong(value) >> 20) + "MiB" : value).append(' ');
            }
        }
        return line.toString().trim();
    }
}

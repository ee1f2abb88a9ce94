import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback that holds every chunk of bytes for a fixed time in each direction, as a server on another
 * host would (this machine's kernel has no netem), and counts the round trips its clients make: a client's bytes that
 * follow the server's on the same connection start a new one. Every second it writes the count to STATS_FILE.
 *
 *   java bench/LatencyProxy.java LISTEN_PORT TARGET_PORT ONE_WAY_MICROS STATS_FILE
 *
 * Each direction has a reader, which stamps a chunk when it arrives, and a writer, which sends it when its time has
 * come: chunks that follow each other closely are not held once per chunk.
 */
public class LatencyProxy {

    private record Chunk(long due, byte[] bytes) {
    }

    private static final byte[] END = new byte[0];
    private static final AtomicLong roundTrips = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int listenPort = Integer.parseInt(args[0]);
        int targetPort = Integer.parseInt(args[1]);
        long delayNanos = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(args[2]));
        Path stats = Path.of(args[3]);
        try (ServerSocket server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress())) {
            // the file's first writing says the proxy listens; written beside it and moved in, so that a reader never
            // finds it empty
            Path next = stats.resolveSibling(stats.getFileName() + ".next");
            Executors.newSingleThreadScheduledExecutor().scheduleAtFixedRate(() -> {
                try {
                    Files.writeString(next, "round_trips=" + roundTrips.get() + "\n");
                    Files.move(next, stats, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    System.err.println("cannot write " + stats + ": " + e);
                }
            }, 0, 1, TimeUnit.SECONDS);
            while (true) {
                Socket client = server.accept();
                Socket target;
                try {
                    target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException e) {
                    // the server is down (between two hubs' runs): this client is refused, the next one tries again
                    close(client);
                    continue;
                }
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                // the server spoke last: the client's first bytes start a round trip
                AtomicBoolean serverSpokeLast = new AtomicBoolean(true);
                relay(client, target, delayNanos, () -> {
                    if (serverSpokeLast.getAndSet(false)) {
                        roundTrips.incrementAndGet();
                    }
                });
                relay(target, client, delayNanos, () -> serverSpokeLast.set(true));
            }
        }
    }

    /** from's bytes to to, each chunk delayNanos after it arrived; onChunk runs as each arrives. */
    private static void relay(Socket from, Socket to, long delayNanos, Runnable onChunk) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        start(() -> {
            byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    onChunk.run();
                    queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // the connection closed: the writer ends it on the other side
            }
            queue.add(new Chunk(System.nanoTime() + delayNanos, END));
        });
        start(() -> {
            try (OutputStream out = to.getOutputStream()) {
                for (Chunk chunk; (chunk = queue.take()).bytes() != END; ) {
                    for (long wait; (wait = chunk.due() - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                    out.write(chunk.bytes());
                }
            } catch (IOException | InterruptedException e) {
                // the other side closed
            } finally {
                close(from);
                close(to);
            }
        });
    }

    private static void start(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}

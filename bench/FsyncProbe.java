import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The disk's own fsync latency, what every durable commit of the broker's journal waits for: a 4 KiB append and an
 * fsync every 5 ms in DIRECTORY for SECONDS, and every 10 s the count, the slowest and how many took over 100 ms.
 * Nothing else of the hub runs; a tail here is a tail of the hub's p99 (faults/README.md, "Load held").
 *
 * java bench/FsyncProbe.java DIRECTORY [SECONDS=60]
 */
public class FsyncProbe {

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile(Path.of(args[0]), "fsync-probe", ".dat");
        long end = System.currentTimeMillis() + 1000L * (args.length > 1 ? Integer.parseInt(args[1]) : 60);
        ByteBuffer block = ByteBuffer.allocateDirect(4096);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long windowEnd = System.currentTimeMillis() + 10_000;
            long count = 0;
            long slowest = 0;
            long over100 = 0;
            while (System.currentTimeMillis() < end) {
                block.clear();
                channel.write(block);
                long start = System.nanoTime();
                channel.force(false);
                long millis = (System.nanoTime() - start) / 1_000_000;
                count++;
                slowest = Math.max(slowest, millis);
                over100 += millis > 100 ? 1 : 0;
                if (System.currentTimeMillis() >= windowEnd) {
                    System.out.printf("fsyncs=%d slowest_ms=%d over_100ms=%d%n", count, slowest, over100);
                    count = slowest = over100 = 0;
                    windowEnd += 10_000;
                }
                Thread.sleep(5);
            }
        } finally {
            Files.delete(file);
        }
    }
}

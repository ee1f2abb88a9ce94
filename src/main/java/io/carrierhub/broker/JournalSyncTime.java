package io.carrierhub.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;

/**
 * How long the disk under the journal takes to make a write durable, measured as {@code artemis create} does for
 * its journal-buffer-timeout: a run of small writes, each forced to disk, timed. Measured once per data directory,
 * at the broker's first start, and remembered in {@value #FILE} beside the journal: delete the file to measure again
 * (on a machine busy with other writes the figure is too high), or set hub.broker.journal-buffer-timeout.
 */
final class JournalSyncTime {

    static final String FILE = "journal-sync-time";
    private static final int WARM_UP = 20;
    private static final int SYNCS = 200;
    private static final int BLOCK = 4096;

    private JournalSyncTime() {
    }

    static Duration of(Path dataDir) {
        Path remembered = dataDir.resolve(FILE);
        try {
            if (Files.exists(remembered)) {
                return Duration.parse(Files.readString(remembered, StandardCharsets.US_ASCII).trim());
            }
            Files.createDirectories(dataDir);
            Duration measured = measure(dataDir.resolve(FILE + ".probe"));
            Files.writeString(remembered, measured.toString(), StandardCharsets.US_ASCII);
            return measured;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure how fast " + dataDir + " syncs to disk", e);
        }
    }

    /** The median of the syncs: one slow sync (another process writing) does not set the pace of every commit. */
    private static Duration measure(Path probe) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        long[] syncs = new long[SYNCS];
        try (FileChannel file = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE)) {
            for (int i = -WARM_UP; i < SYNCS; i++) {
                long start = System.nanoTime();
                block.clear();
                file.write(block, (long) Math.floorMod(i, 16) * BLOCK);
                file.force(false);
                if (i >= 0) {
                    syncs[i] = System.nanoTime() - start;
                }
            }
        }
        Arrays.sort(syncs);
        return Duration.ofNanos(Math.max(1, syncs[SYNCS / 2]));
    }
}

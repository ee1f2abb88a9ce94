package io.carrierhub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSyncTimeTest {

    @TempDir
    Path dataDir;

    @Test
    void measuredOnceAtTheFirstStartThenRemembered() throws Exception {
        Duration measured = JournalSyncTime.of(dataDir);

        assertThat(measured).isPositive().isLessThan(Duration.ofSeconds(1));
        assertThat(Files.readString(dataDir.resolve(JournalSyncTime.FILE))).isEqualTo(measured.toString());
        assertThat(dataDir.resolve(JournalSyncTime.FILE + ".probe")).doesNotExist();

        Files.writeString(dataDir.resolve(JournalSyncTime.FILE), "PT0.000396S");
        assertThat(JournalSyncTime.of(dataDir)).as("not measured again").isEqualTo(Duration.ofNanos(396_000));
    }
}

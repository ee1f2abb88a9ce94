package io.carrierhub.poll;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PollSettingsTest {

    @Test
    void unusableSettingsStopTheHubWithTheirNames() {
        assertThatThrownBy(() -> new PollSettings(Map.of("drivoo", new PollProperties(true, "every minute", 0, 0))))
                .hasMessageContaining("hub.polls.drivoo.cron is not a Quartz cron expression")
                .hasMessageContaining("hub.polls.drivoo.page-size must be at least 1")
                .hasMessageContaining("hub.polls.drivoo.orders-per-second must be at least 1");
    }
}

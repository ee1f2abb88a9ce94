package io.carrierhub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedeliveryTest {

    @Test
    void theRideOutIsTheSumOfTheWaitsBeforeTheLastDelivery() {
        // the defaults: 1, 2, 4, 8, 16, 32 s, then 60 s for the 13 waits left of the 19 between 20 deliveries
        BrokerProperties.Redelivery defaults = new BrokerProperties.Redelivery(20, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60));

        assertThat(defaults.rideOut()).isEqualTo(Duration.ofSeconds(63 + 13 * 60));
    }

    @Test
    void oneDeliveryWaitsForNothing() {
        assertThat(new BrokerProperties.Redelivery(1, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60)).rideOut()).isZero();
    }
}

package io.carrierhub.drivoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carrierhub.drivoo.sandbox.DrivooSandbox;
import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.order.model.Address;
import io.carrierhub.order.model.Party;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retailer lookup against the Drivoo sandbox's 30 retailers: two pages of 25, kept for the refresh period. */
class DrivooRetailersTest {

    TestClock clock = new TestClock();
    DrivooSandbox sandbox;
    DrivooRetailers retailers;

    @BeforeEach
    void start() {
        sandbox = new DrivooSandbox(DrivooAccountKit.sandbox(Duration.ofDays(1), Duration.ofMinutes(1)), clock);
        sandbox.start();
        DrivooApi api = DrivooAccountKit.api(sandbox, DrivooAccountKit.tokens(sandbox, "testpass", Duration.ofSeconds(60), clock), clock);
        retailers = api.account(DrivooAccountKit.CARRIER).retailers();
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void everyPageIsReadOnceAndKeptForTheRefreshPeriod() {
        assertThat(retailers.all()).hasSize(30);
        assertThat(sandbox.requests().matching("/retailer")).extracting(request -> request.query())
                .containsExactly("page=1", "page=2");

        assertThat(retailers.idOf(sender("Fleurs du Capitole", null))).isEqualTo(3);
        assertThat(retailers.idOf(sender("Boutique 29", null))).as("on the second page").isEqualTo(29);
        assertThat(sandbox.requests().matching("/retailer")).as("from the cache").hasSize(2);

        clock.advance(Duration.ofMinutes(16));
        retailers.idOf(sender("Fleurs du Capitole", null));
        assertThat(sandbox.requests().matching("/retailer")).as("read again after 15 minutes").hasSize(4);
    }

    @Test
    void theSendersNameNamesTheSiteAndItsAddressPicksAmongSitesOfOneName() {
        assertThat(retailers.idOf(sender("FLEURS DU CAPITOLE", null))).isEqualTo(3);
        assertThat(retailers.idOf(sender("Decathlon", "1 allée du Cabirol"))).isEqualTo(5);
        assertThat(retailers.idOf(sender("Decathlon", "Simorre"))).isEqualTo(4);
        assertThatThrownBy(() -> retailers.idOf(sender("Decathlon", null)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("2 retailers named Decathlon");
        assertThatThrownBy(() -> retailers.idOf(sender("Fleurs de Nulle Part", null)))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_PICKUP_SITE"));
    }

    private static Party sender(String name, String line) {
        Party sender = new Party();
        sender.setName(name);
        if (line != null) {
            Address address = new Address();
            address.getLine().add(line);
            address.setCountryCode("FR");
            sender.setAddress(address);
        }
        return sender;
    }
}

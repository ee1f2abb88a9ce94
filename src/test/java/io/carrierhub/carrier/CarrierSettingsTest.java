package io.carrierhub.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.carrierhub.HubApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Carrier settings are checked when the hub starts, and a mistake names the property at fault. */
class CarrierSettingsTest {

    private final ApplicationContextRunner hub = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @EnableConfigurationProperties(CarrierSettings.class)
    static class Settings {
    }

    @Test
    void aCarrierGetsTheDefaultsOfItsLaneRetryAndBreaker() {
        hub.withPropertyValues("hub.carriers.drivoo.base-url=https://api.drivoo.example/v1").run(context -> {
            CarrierProperties drivoo = context.getBean(CarrierSettings.class).carriers().get("drivoo");
            assertThat(drivoo.lane().consumers()).isEqualTo(4);
            assertThat(drivoo.retry().horizon()).hasHours(6);
            assertThat(drivoo.retry().maximumDelay()).hasMinutes(10);
            assertThat(context.getBean(CarrierSettings.class).api("drivoo")).isEqualTo("drivoo");
        });
    }

    @Test
    void everyMistakeIsNamedByItsProperty() {
        hub.withPropertyValues("hub.carriers.drivoo.base-url=ftp://example", "hub.carriers.drivoo.lane.consumers=0",
                "hub.carriers.drivoo.retry.multiplier=0.5", "hub.carriers.Bad_Name.base-url=http://x").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("hub.carriers.drivoo.base-url must be an http or https URL")
                    .hasMessageContaining("hub.carriers.drivoo.lane.consumers must be at least 1")
                    .hasMessageContaining("hub.carriers.drivoo.retry.multiplier must be 1.0 or more")
                    .hasMessageContaining("carrier name 'Bad_Name'");
        });
        hub.withPropertyValues("hub.carriers.drivoo.lane.consumers=2").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("hub.carriers.drivoo.base-url is missing"));
    }

    @Test
    void aCarrierOnAnApiTheHubDoesNotSpeakStopsTheHub() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(HubApplication.class)
                .profiles("test")
                .run("--hub.broker.embedded=false", "--hub.sandbox.bring-shipment.port=0", "--hub.sandbox.drivoo.port=0", "--hub.sandbox.bring-po.port=0", "--spring.main.web-application-type=none",
                        "--hub.carriers.pigeon-post.base-url=http://127.0.0.1:1/", "--hub.carriers.pigeon-post.api=pigeon"));
        assertThat(failure).rootCause().hasMessageContaining("hub.carriers.pigeon-post.api names 'pigeon', an API the hub does not speak");
    }
}

package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The cluster profile's file as it is: every variable it needs set, or the hub stops naming the one missing. */
class ClusterProfileSettingsTest {

    private static final Map<String, Object> REQUIRED = Map.of(
            "HUB_BROKER_URL", "tcp://broker:61616",
            "HUB_BROKER_PASSWORD", "secret",
            "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/hub",
            "SPRING_DATASOURCE_USERNAME", "hub",
            "SPRING_DATASOURCE_PASSWORD", "secret",
            "BRINGG_URL", "https://us2-admin-api.bringg.com",
            "BRINGG_WEBHOOK_KEYS", "acme=0123456789abcdef");

    @Test
    void withEveryVariableSetTheSettingsResolve() throws Exception {
        StandardEnvironment environment = clusterProfile(REQUIRED);

        new ClusterProfileSettings().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.artemis.broker-url")).isEqualTo("tcp://broker:61616");
        assertThat(environment.getProperty("hub.carriers.drivoo.base-url")).isEqualTo("https://api.drivoo.com");
    }

    @Test
    void aMissingVariableStopsTheHubWithItsName() throws Exception {
        Map<String, Object> withoutBrokerUrl = new HashMap<>(REQUIRED);
        withoutBrokerUrl.remove("HUB_BROKER_URL");
        StandardEnvironment environment = clusterProfile(withoutBrokerUrl);

        assertThatIllegalStateException()
                .isThrownBy(() -> new ClusterProfileSettings().postProcessEnvironment(environment, new SpringApplication()))
                .withMessageContaining("spring.artemis.broker-url").withMessageContaining("HUB_BROKER_URL");
    }

    @Test
    void aSettingGivenElseWhereNeedsNoVariable() throws Exception {
        Map<String, Object> withoutBrokerUrl = new HashMap<>(REQUIRED);
        withoutBrokerUrl.remove("HUB_BROKER_URL");
        withoutBrokerUrl.put("spring.artemis.broker-url", "tcp://elsewhere:61616");
        StandardEnvironment environment = clusterProfile(withoutBrokerUrl);

        new ClusterProfileSettings().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.artemis.broker-url")).isEqualTo("tcp://elsewhere:61616");
    }

    /** An environment of the variables given (and nothing of the machine's) and the file, as Spring Boot names it. */
    private static StandardEnvironment clusterProfile(Map<String, Object> variables) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("Config resource 'class path resource [" + ClusterProfileSettings.FILE + "]'",
                new ClassPathResource(ClusterProfileSettings.FILE)).forEach(environment.getPropertySources()::addLast);
        return environment;
    }
}

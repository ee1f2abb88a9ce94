package io.carrierhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Stops a hub of the {@code cluster} profile at start, naming the environment variable, when a setting of
 * {@code application-cluster.yaml} needs one that is not set (HUB_BROKER_URL, SPRING_DATASOURCE_URL, ...). Spring's
 * binding would pass the unresolved {@code ${...}} on, and the hub would fail later with a message that does not name
 * it, or, for the broker URL, start and keep trying to connect.
 */
public class ClusterProfileSettings implements EnvironmentPostProcessor {

    static final String FILE = "application-cluster.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.getName().contains(FILE) && source instanceof EnumerablePropertySource<?> settings) {
                for (String name : settings.getPropertyNames()) {
                    try {
                        environment.getProperty(name); // the value in force, from whichever source, resolved
                    } catch (IllegalArgumentException unresolved) {
                        throw new IllegalStateException(name + " of the cluster profile (" + FILE + ") has no value: "
                                + unresolved.getMessage() + "; set it in the environment (docs/scaling.md)", unresolved);
                    }
                }
            }
        }
    }
}

package io.carrierhub.ops;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The secret values in the hub's configuration: every {@code hub.*} property whose name says it is one (a key,
 * secret, password or token), as resolved from the environment. The audit masks them wherever they appear.
 */
public final class ConfiguredSecrets {

    private static final Pattern SECRET_NAME = Pattern.compile("hub\\..*(key|secret|password|token)", Pattern.CASE_INSENSITIVE);

    private ConfiguredSecrets() {
    }

    public static Set<String> of(ConfigurableEnvironment environment) {
        Set<String> secrets = new TreeSet<>();
        environment.getPropertySources().forEach(source -> {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (SECRET_NAME.matcher(name.replace("-", "").toLowerCase(Locale.ROOT)).matches()) {
                        String value = environment.getProperty(name);
                        if (value != null && !value.isBlank()) {
                            secrets.add(value);
                        }
                    }
                }
            }
        });
        return secrets;
    }
}

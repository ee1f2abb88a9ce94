package io.carrierhub.poll;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.PropertiesFunction;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code {{millis:hub.some.interval}}}: a duration property as the hub writes them ("10s", "500ms", "PT1M") in
 * milliseconds, for endpoint options that take a plain number, such as a Quartz trigger's repeatInterval. Camel finds
 * it by its name (META-INF/services/org/apache/camel/properties-function/millis).
 */
public class MillisPropertiesFunction implements PropertiesFunction, CamelContextAware {

    private CamelContext camelContext;

    @Override
    public String getName() {
        return "millis";
    }

    @Override
    public String apply(String property) {
        String duration = camelContext.getPropertiesComponent().resolveProperty(property)
                .orElseThrow(() -> new IllegalArgumentException("{{millis:" + property + "}}: no such property"));
        return Long.toString(DurationStyle.detectAndParse(duration).toMillis());
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}

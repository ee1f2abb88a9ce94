package io.carrierhub.events;

import io.carrierhub.order.MessageFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The TMS event stream (hub.events in application.yaml). The callback's retries are read by the route itself.
 *
 * @param format   how events are written, on the queue and to the callback: xml or json
 * @param callback where the ERP wants events posted, if anywhere
 */
@ConfigurationProperties("hub.events")
public record TmsEventProperties(@DefaultValue("xml") MessageFormat format, @DefaultValue Callback callback) {

    /**
     * @param url    the ERP's URL events are posted to; empty: no callbacks
     * @param secret the key of the HMAC signature, from the environment (HUB_EVENTS_CALLBACK_SECRET)
     */
    public record Callback(String url, String secret) {

        public Callback {
            if (url != null && !url.isBlank() && (secret == null || secret.isBlank())) {
                throw new IllegalArgumentException("hub.events.callback.url is set (" + url + ") but the signing secret is empty:"
                        + " set HUB_EVENTS_CALLBACK_SECRET, or empty the URL to send no callbacks");
            }
        }
    }
}

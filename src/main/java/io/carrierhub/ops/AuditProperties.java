package io.carrierhub.ops;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit of carrier calls ({@code hub.audit}).
 *
 * @param retention     how long a record is kept
 * @param purgeInterval how often older records are deleted
 * @param maskedFields  XML elements and attributes, JSON fields whose values are masked (case-insensitive)
 * @param maxBodyLength the longest body kept, in characters
 */
@ConfigurationProperties("hub.audit")
public record AuditProperties(@DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue List<String> maskedFields, @DefaultValue("20000") int maxBodyLength) {
}

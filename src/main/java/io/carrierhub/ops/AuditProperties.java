package io.carrierhub.ops;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit of carrier calls ({@code hub.audit}); how long a record is kept is {@code hub.retention.carrier-calls}.
 *
 * @param maskedFields  XML elements and attributes, JSON fields whose values are masked (case-insensitive); names of
 *                      letters, digits, '_', '.' and '-'
 * @param maxBodyLength the longest body kept, in characters
 */
@ConfigurationProperties("hub.audit")
public record AuditProperties(@DefaultValue List<String> maskedFields, @DefaultValue("20000") int maxBodyLength) {
}

package io.carrierhub.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The compaction of an embedded H2 ledger file ({@code hub.h2-compaction}, see {@link H2Compaction}).
 *
 * @param interval       how often the file's chunks are looked at (H2's own writer looks every ~0.3 s)
 * @param targetFillRate the share of live data, in percent, below which the oldest chunks are rewritten (H2's writer
 *                       aims at 81 while the store is busy)
 */
@ConfigurationProperties("hub.h2-compaction")
public record H2CompactionProperties(@DefaultValue("1s") Duration interval, @DefaultValue("80") int targetFillRate) {
}

package io.carrierhub.bringg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys Bringg's webhooks carry, one per merchant (BRINGG_WEBHOOK_KEYS: {@code merchant=key,...}). A key is
 * compared with every known key in constant time, so that the time of a refusal tells nothing of the keys.
 */
public final class WebhookKeys {

    private final Map<String, byte[]> keys = new LinkedHashMap<>();

    public WebhookKeys(String pairs) {
        if (pairs == null || pairs.isBlank()) {
            throw new IllegalArgumentException("hub.bringg.webhooks.keys (BRINGG_WEBHOOK_KEYS) is empty: no merchant could send webhooks");
        }
        for (String pair : pairs.split(",")) {
            int equals = pair.indexOf('=');
            String merchant = equals < 0 ? "" : pair.substring(0, equals).trim();
            String key = equals < 0 ? "" : pair.substring(equals + 1).trim();
            if (!merchant.matches("[a-z0-9]+(-[a-z0-9]+)*") || key.length() < 8) {
                throw new IllegalArgumentException("hub.bringg.webhooks.keys (BRINGG_WEBHOOK_KEYS) must be merchant=key pairs, "
                        + "merchant names lower-case words joined by '-', keys of 8 characters or more; one is not");
            }
            keys.put(merchant, key.getBytes(StandardCharsets.UTF_8));
        }
    }

    public java.util.Set<String> merchants() {
        return keys.keySet();
    }

    /** The merchant whose key this is; every key is compared, whatever matches. */
    public Optional<String> merchant(String key) {
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (Map.Entry<String, byte[]> known : keys.entrySet()) {
            if (MessageDigest.isEqual(given, known.getValue()) && found == null) {
                found = known.getKey();
            }
        }
        return Optional.ofNullable(found);
    }
}

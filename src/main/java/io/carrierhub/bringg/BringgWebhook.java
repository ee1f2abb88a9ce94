package io.carrierhub.bringg;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A webhook from Bringg, authenticated and read.
 *
 * @param merchant  the merchant whose API key it carried
 * @param event     delivery-created, delivery-updated, delivery-cancelled or shared-location-created
 * @param taskId    Bringg's order (task) id
 * @param body      the payload
 * @param dedupeKey what makes two webhooks the same one (event, merchant, task, and the request or update)
 */
public record BringgWebhook(String merchant, String event, long taskId, JsonNode body, String dedupeKey) {
}

package io.carrierhub.bringg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carrierhub.carrier.Carriers;
import io.carrierhub.error.HubException;
import io.carrierhub.order.MessageFormat;
import io.carrierhub.order.OrderCodec;
import io.carrierhub.order.model.CancelOrder;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.Order;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.xml.XmlDates;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The webhooks Bringg sends to the hub as its fleet (routes/bringg-webhooks.yaml): authenticated by the merchant's
 * API key, size-limited, read and validated; then turned into the canonical order messages the intake takes (a
 * created delivery a createOrder for hub.bringg.carrier, updated an updateOrder, cancelled a cancelOrder) or, for
 * Shared Location Created, a TMS event with the customer's tracking link. Every answer is Bringg's JSON.
 */
public class BringgWebhooks {

    public static final Set<String> EVENTS = Set.of("delivery-created", "delivery-updated", "delivery-cancelled", "shared-location-created");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final WebhookKeys keys;
    private final long maxBody;
    private final String carrier;
    private final BringgDeliveryMapper mapper;
    private final BringgDeliveries deliveries;
    private final OrderCodec codec;
    private final Carriers carriers;
    private final Clock clock;

    public BringgWebhooks(WebhookKeys keys, long maxBody, String carrier, BringgDeliveryMapper mapper, BringgDeliveries deliveries,
                          OrderCodec codec, Carriers carriers, Clock clock) {
        this.keys = keys;
        this.maxBody = maxBody;
        this.carrier = carrier;
        this.mapper = mapper;
        this.deliveries = deliveries;
        this.codec = codec;
        this.carriers = carriers;
        this.clock = clock;
    }

    /** The webhook on the request: authenticated first, then size, media type, JSON and the fields its event needs. */
    public BringgWebhook read(Exchange exchange) {
        Message in = exchange.getIn();
        String event = in.getHeader("event", String.class);
        if (event == null || !EVENTS.contains(event)) {
            throw new WebhookRejected(404, "no webhook " + event + "; the hub takes " + EVENTS);
        }
        String merchant = merchant(in.getHeader("Authorization", String.class));
        long length = in.getHeader(Exchange.CONTENT_LENGTH, -1L, Long.class);
        if (length > maxBody) {
            throw new WebhookRejected(413, "the body of " + length + " bytes is over the limit of " + maxBody);
        }
        byte[] bytes = in.getBody(byte[].class);
        if (bytes != null && bytes.length > maxBody) {
            throw new WebhookRejected(413, "the body of " + bytes.length + " bytes is over the limit of " + maxBody);
        }
        if (bytes == null || bytes.length == 0) {
            throw new WebhookRejected(400, "the body is empty");
        }
        JsonNode body = json(bytes, in.getHeader(Exchange.CONTENT_TYPE, String.class));
        long taskId = taskId(event, body);
        return new BringgWebhook(merchant, event, taskId, body, dedupeKey(merchant, event, taskId, body, bytes));
    }

    /** A Delivery Created as a createOrder for the fleet's carrier, the delivery recorded; refused when it cannot be carried. */
    public String created(BringgWebhook webhook) {
        String orderId = orderId(webhook.merchant(), webhook.taskId());
        String xml = admitted(mapper.order(orderId, carrier, webhook.body()), false);
        deliveries.created(orderId, webhook.merchant(), webhook.taskId(), carrier, xml);
        return xml;
    }

    /** A Delivery Updated as an updateOrder: the order as it was, with the changes. */
    public String updated(BringgWebhook webhook) {
        BringgDeliveries.Delivery delivery = delivery(webhook);
        Order order = mapper.updated(codec.readOrder(delivery.orderXml()), webhook.body());
        String created = admitted(order, false);
        deliveries.orderChanged(delivery.orderId(), created);
        return admitted(order, true);
    }

    /** A Delivery Cancelled as a cancelOrder; Bringg knows already, so the carrier's cancellation is not reported back. */
    public String cancelled(BringgWebhook webhook) {
        BringgDeliveries.Delivery delivery = delivery(webhook);
        CancelOrder cancel = new CancelOrder();
        cancel.setOrderId(delivery.orderId());
        cancel.setCarrier(delivery.carrier());
        BringgDeliveryMapper.text(webhook.body(), "reason").map(reason -> reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .ifPresent(cancel::setReason);
        deliveries.cancelledByBringg(delivery.orderId());
        return codec.writeCancel(cancel, MessageFormat.XML);
    }

    /** Shared Location Created (either shape) as a TMS event for the ERP, with the customer's tracking link as its note. */
    public TmsEvent sharedLocation(BringgWebhook webhook) {
        BringgDeliveries.Delivery delivery = delivery(webhook);
        JsonNode shared = webhook.body().path("shared_location");
        String url = BringgDeliveryMapper.text(shared, "url").or(() -> BringgDeliveryMapper.text(shared, "find_me_url"))
                .orElseThrow(() -> new BringgRefusal("the shared location has no url"));
        deliveries.trackingUrl(delivery.orderId(), url);
        TmsEvent event = new TmsEvent();
        event.setOrderId(delivery.orderId());
        event.setCarrier(delivery.carrier());
        // the ERP's customer was sent the link: the delivery is under way at Bringg's end, no new status at the carrier
        event.setEventType(EventType.DEVIATION);
        event.setCarrierStatus("bringg:shared_location_created");
        event.setOccurredAt(XmlDates.now(clock));
        event.setNote(url.length() > 1000 ? url.substring(0, 1000) : url);
        return event;
    }

    /** Bringg's answer to a webhook the hub took: Delivery Created names the hub's id, as a string. */
    public String answer(BringgWebhook webhook) {
        ObjectNode answer = JSON.createObjectNode().put("success", true);
        if ("delivery-created".equals(webhook.event())) {
            answer.put("delivery_id", orderId(webhook.merchant(), webhook.taskId()));
        }
        return answer.toString();
    }

    /** The answer to a webhook refused or rejected: success false with the reason (Bringg's error_message). */
    public String refusal(Exchange exchange) {
        Throwable failure = cause(exchange);
        String reason = failure == null || failure.getMessage() == null ? "refused" : failure.getMessage();
        return JSON.createObjectNode().put("success", false).put("error_message", reason).toString();
    }

    /** The HTTP status of a failed webhook: the rejection's, 200 for a refusal, 500 for a failure of the hub (Bringg retries). */
    public int status(Exchange exchange) {
        Throwable failure = cause(exchange);
        if (failure instanceof WebhookRejected rejected) {
            return rejected.status();
        }
        return failure instanceof BringgRefusal ? 200 : 500;
    }

    /** The refusal or rejection behind the failure (a bean call wraps it), else the failure itself. */
    private static Throwable cause(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Throwable refused = ObjectHelper.getException(WebhookRejected.class, failure);
        if (refused == null) {
            refused = ObjectHelper.getException(BringgRefusal.class, failure);
        }
        return refused != null ? refused : failure;
    }

    /** The hub's id of a Bringg delivery: its order id, the delivery_id Bringg keeps. */
    public static String orderId(String merchant, long taskId) {
        return "bringg-" + merchant + "-" + taskId;
    }

    private String merchant(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new WebhookRejected(401, "no Authorization header: Bringg sends the merchant's API key as Bearer");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            throw new WebhookRejected(401, "the Authorization header is no Bearer key");
        }
        return keys.merchant(authorization.substring(7).trim())
                .orElseThrow(() -> new WebhookRejected(403, "the key is no merchant's"));
    }

    private static JsonNode json(byte[] bytes, String contentType) {
        Charset charset = StandardCharsets.UTF_8;
        if (contentType != null && !contentType.isBlank()) {
            MimeType type;
            try {
                type = MimeTypeUtils.parseMimeType(contentType);
            } catch (IllegalArgumentException e) {
                throw new WebhookRejected(415, "unreadable Content-Type " + contentType);
            }
            if (!"application".equals(type.getType()) || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
                throw new WebhookRejected(415, "the body must be JSON (application/json), not " + contentType);
            }
            try {
                charset = type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new WebhookRejected(415, "unknown charset in " + contentType);
            }
        }
        JsonNode body;
        try {
            body = JSON.readTree(new String(bytes, charset));
        } catch (JsonProcessingException e) {
            throw new WebhookRejected(400, "the body is no complete JSON (truncated or malformed) at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new WebhookRejected(400, "the body must be a JSON object, not " + (body == null ? "nothing" : body.getNodeType()));
        }
        return body;
    }

    /** Bringg's task id where each webhook puts it; a webhook without one is unreadable. */
    private static long taskId(String event, JsonNode body) {
        JsonNode id = switch (event) {
            case "delivery-created", "delivery-cancelled" -> body.path("id");
            case "delivery-updated" -> body.path("task_id").isMissingNode() ? body.path("task").path("id") : body.path("task_id");
            default -> {
                JsonNode shared = body.path("shared_location");
                if (!shared.isObject()) {
                    throw new WebhookRejected(400, "no shared_location object");
                }
                // the two shapes: shared_location.task_id, or shared_location.task.id
                yield shared.path("task_id").isIntegralNumber() ? shared.path("task_id") : shared.path("task").path("id");
            }
        };
        if (!id.canConvertToLong() || !(id.isIntegralNumber() || id.isTextual() && id.asText().matches("[0-9]{1,18}"))) {
            throw new WebhookRejected(400, event + " names no task id (an integer)");
        }
        return id.asLong();
    }

    private static String dedupeKey(String merchant, String event, long taskId, JsonNode body, byte[] bytes) {
        String key = "bringg:" + merchant + ":" + event + ":" + taskId;
        return switch (event) {
            // one per task: a created or cancelled delivery is so once
            case "delivery-created", "delivery-cancelled" -> key;
            // request_id when Bringg sends one, else what changed
            case "delivery-updated" -> key + ":" + BringgDeliveryMapper.text(body, "request_id").orElseGet(() -> digest(bytes));
            default -> key + ":" + BringgDeliveryMapper.text(body.path("shared_location"), "id")
                    .or(() -> BringgDeliveryMapper.text(body.path("shared_location"), "uuid")).orElseGet(() -> digest(bytes));
        };
    }

    /** Writes the order for the intake, after the checks the intake would make: schema, carrier, the carrier's needs. */
    private String admitted(Order order, boolean update) {
        String xml;
        try {
            xml = update ? codec.writeUpdate(order, MessageFormat.XML) : codec.writeOrder(order, MessageFormat.XML);
            carriers.lane(codec.read(xml.getBytes(StandardCharsets.UTF_8), MessageFormat.XML.mediaType()));
        } catch (HubException e) {
            throw new BringgRefusal(e.getMessage());
        } catch (RuntimeException e) {
            throw new BringgRefusal("the delivery does not make a valid order: " + e.getMessage());
        }
        return xml;
    }

    private BringgDeliveries.Delivery delivery(BringgWebhook webhook) {
        return deliveries.byTask(webhook.merchant(), webhook.taskId())
                .orElseThrow(() -> new BringgRefusal("the hub carries no task " + webhook.taskId() + " of this merchant"));
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

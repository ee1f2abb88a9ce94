package io.carrierhub.ops;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the lane's carrier call records about itself (routes/carrier-lane.yaml, around the carrier's HTTP call): its
 * duration as {@code hub_carrier_call_seconds{carrier,status}}, and the call in the audit.
 */
public class CarrierCalls {

    static final String NO_ANSWER = "no-answer";
    private static final String STARTED = "hubCallStarted";
    private static final String STARTED_AT = "hubCallStartedAt";
    private static final String REQUEST = "hubCallRequest";
    private static final String OPERATION = "hubCallOperation";
    /** camel-cxf's operationName header: the WSDL operation a SOAP call invokes. */
    private static final String SOAP_OPERATION = "operationName";

    private final HubMetrics metrics;
    private final CarrierCallAudit audit;
    private final Clock clock;

    public CarrierCalls(HubMetrics metrics, CarrierCallAudit audit, Clock clock) {
        this.metrics = metrics;
        this.audit = audit;
        this.clock = clock;
    }

    /** Just before the call, with the carrier's request on the message. */
    public void started(Exchange exchange) {
        Message request = exchange.getIn();
        String soapOperation = request.getHeader(SOAP_OPERATION, String.class);
        exchange.setProperty(OPERATION, soapOperation != null ? "SOAP " + soapOperation
                : request.getHeader(Exchange.HTTP_METHOD, "POST", String.class) + " " + request.getHeader(Exchange.HTTP_PATH, "", String.class));
        exchange.setProperty(REQUEST, request.getBody(String.class));
        exchange.setProperty(STARTED_AT, clock.instant());
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /** Right after the call, whether the carrier answered or not. */
    public void finished(Exchange exchange, String carrier) {
        Duration duration = Duration.ofNanos(System.nanoTime() - exchange.getProperty(STARTED, Long.class));
        Message answer = exchange.getIn();
        boolean answered = exchange.getProperty(Exchange.EXCEPTION_CAUGHT) == null
                && answer.getHeader(Exchange.HTTP_RESPONSE_CODE) != null;
        String status = answered ? answer.getHeader(Exchange.HTTP_RESPONSE_CODE, String.class) : NO_ANSWER;
        String responseBody = null;
        if (answered) {
            // read once and kept as bytes, for the carrier's client to read after
            byte[] body = answer.getBody(byte[].class);
            answer.setBody(body);
            responseBody = text(body);
        }
        metrics.carrierCall(carrier, status, duration);
        audit.record(new CarrierCall(exchange.getProperty(STARTED_AT, Instant.class), carrier,
                exchange.getProperty("hubOrderId", String.class), exchange.getProperty(OPERATION, String.class), status,
                duration.toMillis(), exchange.getProperty(REQUEST, String.class), responseBody));
    }

    private static String text(byte[] body) {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }
}

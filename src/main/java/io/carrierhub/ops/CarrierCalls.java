package io.carrierhub.ops;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the lane's carrier call records about itself (routes/carrier-lane.yaml, around the carrier's HTTP call): its
 * duration as {@code hub_carrier_call_seconds{carrier,status}}, and the call in the audit. The audit is written with
 * the outcome the call led to ({@link #record}), in the database transaction of that outcome where it has one: a
 * commit of its own per call would cost each order one more write to the ledger's disk.
 */
public class CarrierCalls {

    static final String NO_ANSWER = "no-answer";
    private static final String STARTED = "hubCallStarted";
    private static final String STARTED_AT = "hubCallStartedAt";
    private static final String REQUEST = "hubCallRequest";
    private static final String OPERATION = "hubCallOperation";
    /** The calls made for this message and not yet in the audit. */
    private static final String UNRECORDED = "hubCallsUnrecorded";
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

    /**
     * Makes the list in which this message's calls wait for their outcome. The lane makes it before its circuit
     * breaker: the breaker calls on a copy of the exchange, which shares the list but is dropped when a call fails.
     */
    public void keep(Exchange exchange) {
        unrecorded(exchange);
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
        unrecorded(exchange).add(new CarrierCall(exchange.getProperty(STARTED_AT, Instant.class), carrier,
                exchange.getProperty("hubOrderId", String.class), exchange.getProperty(OPERATION, String.class), status,
                duration.toMillis(), exchange.getProperty(REQUEST, String.class), responseBody));
    }

    /**
     * Writes the calls made for this message to the audit, with the outcome they led to (the yes, the next attempt
     * planned, the rejection). In a transaction they count as written once it commits: if it rolls back, the outcome
     * that follows (a rejection) writes them.
     */
    public void record(Exchange exchange) {
        List<CarrierCall> calls = unrecorded(exchange);
        if (calls.isEmpty()) {
            return;
        }
        audit.record(calls);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    calls.clear();
                }
            });
        } else {
            calls.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<CarrierCall> unrecorded(Exchange exchange) {
        return (List<CarrierCall>) exchange.getProperties().computeIfAbsent(UNRECORDED, name -> new ArrayList<CarrierCall>());
    }

    private static String text(byte[] body) {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }
}

package io.carrierhub.error;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what a carrier's HTTP answer means. 2xx passes; 408, 429 and 5xx are
 * {@link CarrierUnavailableException} (retried; a Retry-After sets the next attempt's delay);
 * 401, 403 and 417 are authentication or configuration errors and every other 4xx a validation error,
 * both {@link CarrierRejectedException} (never retried). Where the status alone does not decide (a 2xx or
 * another 4xx), a {@link CarrierRefusal} the carrier's client read from the body does; its text is then the
 * reason, else an excerpt of the body. Connection errors and timeouts never reach here: the HTTP client
 * throws them and the error handler retries them.
 */
@Component
public class CarrierResponseClassifier {

    static final int MAX_REASON_LENGTH = 2000;

    private final Duration maxRetryAfter;

    public CarrierResponseClassifier(
            @Value("${hub.retry.max-retry-after:PT5M}") Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    /** Throws unless the carrier's answer, in {@code CamelHttpResponseCode} and the body, is a success. */
    public void check(Exchange exchange, String carrier) {
        check(exchange, carrier, null);
    }

    /**
     * Throws unless the carrier's answer is a success.
     *
     * @param refusal what the carrier's client read in the body, or null when the body is no refusal it knows
     */
    public void check(Exchange exchange, String carrier, CarrierRefusal refusal) {
        Message in = exchange.getIn();
        check(carrier, in.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class), in.getBody(String.class),
                in.getHeader("Retry-After", String.class), refusal);
    }

    /**
     * Throws unless the carrier's answer is a success: for a call the hub makes outside a lane's route (a lookup, a
     * status poll).
     *
     * @param body       the answer's body as text, or null
     * @param retryAfter its Retry-After header, or null
     * @param refusal    what the carrier's client read in the body, or null when the body is no refusal it knows
     */
    public void check(String carrier, int status, String body, String retryAfter, CarrierRefusal refusal) {
        if (status >= 200 && status < 300 && refusal == null) {
            return;
        }
        String reason = refusal == null
                ? "%s answered HTTP %d: %s".formatted(carrier, status, excerpt(body))
                : "%s answered HTTP %d %s: %s".formatted(carrier, status, refusal.status(), excerpt(refusal.text()));
        Duration delay = retryAfter(retryAfter).orElse(null);
        if (status == 408 || status == 429 || status >= 500) {
            throw new CarrierUnavailableException(status == 429 ? "CARRIER_THROTTLED" : "CARRIER_UNAVAILABLE", reason, delay);
        }
        if (status == 401 || status == 403 || status == 417) {
            throw new CarrierRejectedException("CARRIER_AUTH", reason);
        }
        throw switch (refusal != null ? refusal.kind() : CarrierRefusal.Kind.VALIDATION) {
            case UNAVAILABLE -> new CarrierUnavailableException("CARRIER_UNAVAILABLE", reason, delay);
            case AUTH -> new CarrierRejectedException("CARRIER_AUTH", reason);
            case CONFIGURATION -> new CarrierRejectedException("CARRIER_CONFIGURATION", reason);
            case VALIDATION -> new CarrierRejectedException("CARRIER_VALIDATION", reason);
        };
    }

    /**
     * A SOAP fault in answer to a call: the carrier failing (a Server fault, e.g. a 500 with a fault body) is tried
     * again later; a Client fault says the request broke the contract, a defect of the hub's, never retried.
     */
    public void soapFault(Exchange exchange, String carrier) {
        SoapFault fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, SoapFault.class);
        String reason = "%s answered with a SOAP fault %s: %s".formatted(carrier,
                fault == null ? "" : fault.getFaultCode().getLocalPart(), excerpt(fault == null ? null : fault.getMessage()));
        if (fault != null && Soap11.getInstance().getSender().equals(fault.getFaultCode())) {
            throw new HubFaultException("CARRIER_SOAP_FAULT", reason);
        }
        throw new CarrierUnavailableException("CARRIER_UNAVAILABLE", reason);
    }

    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Duration delay;
        try {
            delay = Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                delay = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        return Optional.of(delay.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : delay);
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        String text = body.replaceAll("\\s+", " ").trim();
        return text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) + "..." : text;
    }
}

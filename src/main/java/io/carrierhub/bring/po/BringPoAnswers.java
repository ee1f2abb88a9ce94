package io.carrierhub.bring.po;

import io.carrierhub.bring.po.model.GetSenderStatusResponse;
import io.carrierhub.bring.po.model.ResponseProperties;
import io.carrierhub.bring.po.model.SenderStatus;
import io.carrierhub.bring.po.model.Status;
import io.carrierhub.bring.po.model.StatusResponse;
import io.carrierhub.error.CarrierRefusal;
import io.carrierhub.error.CarrierRejectedException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.Set;
import javax.xml.datatype.XMLGregorianCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Bring's purchase order answers say beyond their payload: an Error in ResponseProperties (Bring's business
 * errors come in normal answers) and TraceMessages. Every code of Bring's list maps to a kind of refusal here:
 * <ul>
 * <li>PO_STATE_002 (not logged in) and PO_STATE_004 (access denied): the hub's account is wrong, a configuration
 * error that takes the carrier's health down;</li>
 * <li>every other code (PO_INPUT_*, PO_INOUT_016, the not-found codes PO_STATE_001/003/005): the request's content,
 * dead-lettered with Bring's code and description. The sender status poll reads PO_STATE_001 as NOT_FOUND
 * instead.</li>
 * </ul>
 * A TraceMessage (Bring's info message, e.g. that the client's schema version is old) is a warning and a count in
 * the metric {@value #TRACE_METRIC}, never a failure.
 */
class BringPoAnswers {

    static final String TRACE_METRIC = "hub.carrier.trace.messages";
    static final Set<String> CONFIGURATION_CODES = Set.of("PO_STATE_002", "PO_STATE_004");
    /** Purchase order not found: for GetSenderStatus, the status NOT_FOUND. */
    static final String NOT_FOUND = "PO_STATE_001";

    private static final Logger LOG = LoggerFactory.getLogger(BringPoAnswers.class);

    private final String carrier;
    private final BringPoCodec codec;
    private final MeterRegistry meters;

    BringPoAnswers(String carrier, BringPoCodec codec, MeterRegistry meters) {
        this.carrier = carrier;
        this.codec = codec;
        this.meters = meters;
    }

    /** The refusal an answer states, empty when it states none or is no answer of Bring's shape. */
    Optional<CarrierRefusal> refusal(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        StatusResponse answer;
        try {
            answer = codec.read(body, StatusResponse.class);
        } catch (CarrierRejectedException notBringsAnswer) {
            return Optional.empty();
        }
        ResponseProperties properties = answer.getResponseProperties();
        if (properties == null) {
            return Optional.empty();
        }
        properties.getTraceMessage().forEach(this::trace);
        if (properties.getError() != null) {
            String code = properties.getError().getCode().strip();
            return Optional.of(new CarrierRefusal(kind(code), code, properties.getError().getDescription().strip()));
        }
        if (answer.getStatus() == Status.FAILED) {
            return Optional.of(new CarrierRefusal(CarrierRefusal.Kind.VALIDATION, "FAILED", "Bring answered Status FAILED without an error"));
        }
        return Optional.empty();
    }

    /**
     * Bring's answer to GetSenderStatus: its SenderStatus, NOT_FOUND when Bring says PO_STATE_001 (purchase order not
     * found) whether or not it names the status too; any other refusal as it is.
     */
    SenderStatusAnswer senderStatus(byte[] body) {
        Optional<CarrierRefusal> refusal = refusal(body);
        GetSenderStatusResponse answer = codec.read(body, GetSenderStatusResponse.class);
        XMLGregorianCalendar answeredAt = answer.getResponseProperties() != null
                && answer.getResponseProperties().getDateAndTimes() != null
                ? answer.getResponseProperties().getDateAndTimes().getValue() : null;
        if (refusal.filter(refused -> refused.status().equals(NOT_FOUND)).isPresent()) {
            return new SenderStatusAnswer(SenderStatus.NOT_FOUND, null, answeredAt);
        }
        if (refusal.isEmpty() && answer.getSenderStatus() == null) {
            return new SenderStatusAnswer(null, new CarrierRefusal(CarrierRefusal.Kind.VALIDATION, "NO_SENDER_STATUS",
                    "Bring answered GetSenderStatus without a SenderStatus"), answeredAt);
        }
        return new SenderStatusAnswer(refusal.isPresent() ? null : answer.getSenderStatus(), refusal.orElse(null), answeredAt);
    }

    /**
     * @param status     the purchase order's status at Bring, null when Bring refused to tell
     * @param refusal    why Bring refused, or null
     * @param answeredAt Bring's ResponseDate, or null
     */
    record SenderStatusAnswer(SenderStatus status, CarrierRefusal refusal, XMLGregorianCalendar answeredAt) {
    }

    static CarrierRefusal.Kind kind(String code) {
        return CONFIGURATION_CODES.contains(code) ? CarrierRefusal.Kind.CONFIGURATION : CarrierRefusal.Kind.VALIDATION;
    }

    private void trace(String message) {
        LOG.warn("{} says: {}", carrier, message.strip());
        meters.counter(TRACE_METRIC, "carrier", carrier).increment();
    }
}

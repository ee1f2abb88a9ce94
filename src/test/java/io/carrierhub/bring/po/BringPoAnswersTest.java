package io.carrierhub.bring.po;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.bring.po.model.SenderStatus;
import io.carrierhub.error.CarrierRefusal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What Bring's answers say beyond their payload: errors, sender statuses and TraceMessages. */
class BringPoAnswersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BringPoAnswers answers = new BringPoAnswers("bring-po", new BringPoCodec(), meters);

    @Test
    void theSeedsSenderStatusAnswerIsARefusalOfTheHubsAccount() {
        BringPoAnswers.SenderStatusAnswer answer = answers.senderStatus(BringPoMapperTest.golden("check_status.xml")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isNull();
        assertThat(answer.refusal()).isEqualTo(new CarrierRefusal(CarrierRefusal.Kind.CONFIGURATION, "PO_STATE_002",
                "You must log in to use this endpoint. See developer.bring.com for details about login with HTTP-headers."));
        assertThat(answer.answeredAt().toXMLFormat()).isEqualTo("2015-12-01T08:10:01.232+01:00");
    }

    @Test
    void purchaseOrderNotFoundIsTheSenderStatusNotFound() {
        BringPoAnswers.SenderStatusAnswer answer = answers.senderStatus(senderStatus(
                "<Error><Code>PO_STATE_001</Code><Description>Purchase order not found</Description></Error>", ""));

        assertThat(answer.status()).isEqualTo(SenderStatus.NOT_FOUND);
        assertThat(answer.refusal()).isNull();
    }

    @Test
    void openAndLockedAreReadAsTheyAre() {
        assertThat(answers.senderStatus(senderStatus("", "<SenderStatus>OPEN</SenderStatus>")).status()).isEqualTo(SenderStatus.OPEN);
        assertThat(answers.senderStatus(senderStatus("", "<SenderStatus>LOCKED</SenderStatus>")).status()).isEqualTo(SenderStatus.LOCKED);
        assertThat(answers.senderStatus(senderStatus("", "")).refusal().status()).isEqualTo("NO_SENDER_STATUS");
    }

    @Test
    void everyCodeIsAValidationRefusalButTheAccountsWhichAreConfiguration() {
        assertThat(BringPoAnswers.kind("PO_STATE_002")).isEqualTo(CarrierRefusal.Kind.CONFIGURATION);
        assertThat(BringPoAnswers.kind("PO_STATE_004")).isEqualTo(CarrierRefusal.Kind.CONFIGURATION);
        for (String code : new String[] {"PO_INPUT_001", "PO_INPUT_024", "PO_INOUT_016", "PO_STATE_001", "PO_STATE_005"}) {
            assertThat(BringPoAnswers.kind(code)).as(code).isEqualTo(CarrierRefusal.Kind.VALIDATION);
        }
    }

    @Test
    void aCreateAnswerFailedWithoutAnErrorIsARefusalAndOkIsNone() {
        assertThat(answers.refusal(create("<Status>FAILED</Status>"))).hasValueSatisfying(refusal ->
                assertThat(refusal.status()).isEqualTo("FAILED"));
        assertThat(answers.refusal(create("<Status>OK</Status>"))).isEmpty();
        assertThat(answers.refusal("not Bring's answer".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aTraceMessageIsCountedNeverARefusal() {
        byte[] answer = ("<CreateEventResponse xmlns=\"http://api.bring.com/po\"><ResponseProperties><SchemaVersion>2</SchemaVersion>"
                + "<TraceMessage>Please upgrade to schema version 2</TraceMessage></ResponseProperties><Status>OK</Status>"
                + "</CreateEventResponse>").getBytes(StandardCharsets.UTF_8);

        assertThat(answers.refusal(answer)).isEmpty();
        assertThat(meters.counter(BringPoAnswers.TRACE_METRIC, "carrier", "bring-po").count()).isEqualTo(1);
    }

    private static byte[] senderStatus(String error, String status) {
        return ("<GetSenderStatusResponse xmlns=\"http://api.bring.com/po\"><ResponseProperties><SchemaVersion>1</SchemaVersion>"
                + error + "</ResponseProperties>" + status + "</GetSenderStatusResponse>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] create(String status) {
        return ("<CreateEventResponse xmlns=\"http://api.bring.com/po\"><ResponseProperties><SchemaVersion>1</SchemaVersion>"
                + "</ResponseProperties>" + status + "</CreateEventResponse>").getBytes(StandardCharsets.UTF_8);
    }
}

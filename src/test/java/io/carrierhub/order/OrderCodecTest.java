package io.carrierhub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.order.model.Action;
import io.carrierhub.order.model.BookingType;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderCodecTest {

    private final OrderCodec codec = new OrderCodec();

    static Stream<Path> samples() throws IOException {
        return Files.list(Path.of("samples")).sorted();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleIsAValidMessage(Path sample) throws IOException {
        OrderMessage message = codec.read(Files.readAllBytes(sample), null);

        String name = sample.getFileName().toString();
        assertThat(message.format()).isEqualTo(name.endsWith(".json") ? MessageFormat.JSON : MessageFormat.XML);
        assertThat(message.action().value().toLowerCase()).isEqualTo(name.replaceAll(".*-(\\w+)\\..*", "$1"));
        assertThat(message.carrier()).isEqualTo(name.startsWith("drivoo-") ? "drivoo" : name.startsWith("bring-po-") ? "bring-po" : "bring-shipment");
    }

    static Stream<Path> documentedExamples() throws IOException {
        return Files.list(Path.of("docs/examples")).sorted();
    }

    /** The hub's own messages pass the schema first and are refused only then, as not meant for the intake. */
    @ParameterizedTest
    @MethodSource("documentedExamples")
    void everyDocumentedExampleFollowsTheContract(Path example) throws IOException {
        byte[] body = Files.readAllBytes(example);
        String name = example.getFileName().toString();
        if (name.startsWith("order-status") || name.startsWith("tms-event")) {
            assertThatThrownBy(() -> codec.read(body, null)).hasFieldOrPropertyWithValue("code", "UNEXPECTED_MESSAGE");
        } else {
            assertThat(codec.read(body, null).orderId()).startsWith("SO-");
        }
    }

    static Stream<Path> documentedEvents() throws IOException {
        return documentedExamples().filter(path -> path.getFileName().toString().startsWith("tms-event"));
    }

    /** What a consumer of the event stream reads, and what the hub writes back of it, in both formats. */
    @ParameterizedTest
    @MethodSource("documentedEvents")
    void everyDocumentedEventReadsAsATmsEventAndWritesBackAlike(Path example) throws IOException {
        TmsEvent event = codec.readEvent(Files.readAllBytes(example), null);

        assertThat(event.getOrderId()).startsWith("SO-");
        assertThat(event.getSequence()).isPositive();
        for (MessageFormat format : MessageFormat.values()) {
            byte[] written = codec.writeEvent(event, format).getBytes(StandardCharsets.UTF_8);
            assertThat(codec.readEvent(written, format.mediaType())).as(format.name()).usingRecursiveComparison().isEqualTo(event);
        }
    }

    @Test
    void theAcceptedEventExamplesAreTwins() throws IOException {
        TmsEvent xml = codec.readEvent(Files.readAllBytes(Path.of("docs/examples/tms-event-accepted.xml")), null);
        TmsEvent json = codec.readEvent(Files.readAllBytes(Path.of("docs/examples/tms-event-accepted.json")), null);

        assertThat(json).usingRecursiveComparison().isEqualTo(xml);
        assertThat(xml.getEventType()).isEqualTo(EventType.ACCEPTED);
        assertThat(xml.getCarrierReference()).hasSize(3);
    }

    @Test
    void theNewEventPartsAreOptionalAndChecked() throws IOException {
        String delivered = Files.readString(Path.of("docs/examples/tms-event.xml"));
        String withoutThem = delivered.replaceAll("(?s)\\s*<driver>.*</driver>", "").replaceAll("\\s*<sequence>4</sequence>", "");
        TmsEvent event = codec.readEvent(withoutThem.getBytes(StandardCharsets.UTF_8), null);

        assertThat(event.getDriver()).isNull();
        assertThat(event.getSequence()).isNull();
        assertThat(codec.readEvent(delivered.getBytes(StandardCharsets.UTF_8), null).getDriver().getPhone()).isEqualTo("+47 912 34 567");
        assertThatThrownBy(() -> codec.readEvent(delivered.replace("+47 912 34 567", "call me").getBytes(StandardCharsets.UTF_8), null))
                .hasFieldOrPropertyWithValue("code", "SCHEMA_INVALID");
        assertThatThrownBy(() -> codec.readEvent("{\"tmsEvent\": {\"orderId\": \"SO-1\", \"carrier\": \"bring-shipment\", \"eventType\": \"ACCEPTED\", \"occurredAt\": \"2026-11-22T10:00:00Z\", \"sequence\": \"first\"}}"
                .getBytes(StandardCharsets.UTF_8), null))
                .hasFieldOrPropertyWithValue("code", "SCHEMA_INVALID")
                .hasMessageContaining("$.tmsEvent.sequence");
    }

    @Test
    void theSameOrderReadsAlikeFromXmlAndJson() throws IOException {
        OrderMessage xml = codec.read(Files.readAllBytes(Path.of("samples/shipment-create.xml")), "application/xml");
        OrderMessage json = codec.read(codec.writeOrder(xml.order(), MessageFormat.JSON).getBytes(StandardCharsets.UTF_8), null);

        assertThat(json.format()).isEqualTo(MessageFormat.JSON);

        assertThat(json.order()).usingRecursiveComparison().isEqualTo(xml.order());
        assertThat(xml.order().getService().getBookingType()).isEqualTo(BookingType.INSTRUCTION);
        assertThat(xml.order().getGoodsItem().get(0).getPackage()).hasSize(2);
    }

    static Stream<String> sampleNames() throws IOException {
        return samples().map(path -> path.getFileName().toString().replaceAll("\\.\\w+$", "")).distinct();
    }

    /** Every sample is there in both formats, and both say the same. */
    @ParameterizedTest
    @MethodSource("sampleNames")
    void xmlAndJsonSamplesAreTwins(String name) throws IOException {
        OrderMessage xml = codec.read(Files.readAllBytes(Path.of("samples", name + ".xml")), null);
        OrderMessage json = codec.read(Files.readAllBytes(Path.of("samples", name + ".json")), null);

        assertThat(json.action()).isEqualTo(xml.action());
        assertThat(json.order()).usingRecursiveComparison().isEqualTo(xml.order());
        assertThat(json.cancel()).usingRecursiveComparison().isEqualTo(xml.cancel());
        assertThat(json.transportOrder()).usingRecursiveComparison().isEqualTo(xml.transportOrder());
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples/shipment-update.xml", "samples/shipment-update.json", "samples/shipment-cancel.xml"})
    void aMessageReadBeforeIsReadAgainAlikeWithItsOwnBody(String sample) throws IOException {
        byte[] body = Files.readAllBytes(Path.of(sample));
        OrderMessage first = codec.read(body, null);

        OrderMessage again = codec.reread(first.body(), null);

        assertThat(again).usingRecursiveComparison().isEqualTo(first);
        assertThat(again.body()).isSameAs(body);
    }

    @Test
    void aMessageReadAgainIsNotHeldToTheSchemaASecondTime() {
        // a carrier lane takes what the intake checked; a second check would only cost time
        byte[] noGoodsItem = ("<createOrder xmlns=\"urn:carrierhub:order:v1\"><orderId>SO-1</orderId>"
                + "<carrier>bring-shipment</carrier></createOrder>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.read(noGoodsItem, null)).hasFieldOrPropertyWithValue("code", "SCHEMA_INVALID");
        assertThat(codec.reread(noGoodsItem, null).orderId()).isEqualTo("SO-1");
    }

    @Test
    void jsonDatesKeepTheirOffset() throws IOException {
        OrderMessage booking = codec.read(Files.readAllBytes(Path.of("samples/booking-create.json")), "application/json");

        assertThat(booking.order().getCreatedAt().toXMLFormat()).isEqualTo("2026-11-22T10:36:27+01:00");
        assertThat(booking.order().getDate().get(0).getValue().toXMLFormat()).isEqualTo("2036-11-23T14:00:00+01:00");
    }

    @Test
    void theContentTypeWinsOverSniffing() {
        assertThatThrownBy(() -> codec.read("{\"cancelOrder\":{}}".getBytes(StandardCharsets.UTF_8), "application/xml"))
                .isInstanceOf(InvalidMessageException.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_XML");
    }

    @Test
    void brokenXmlIsInvalidXml() {
        assertThatThrownBy(() -> read("<createOrder xmlns=\"urn:carrierhub:order:v1\"><orderId>1</order"))
                .hasFieldOrPropertyWithValue("code", "INVALID_XML");
    }

    @Test
    void brokenJsonIsInvalidJson() {
        assertThatThrownBy(() -> read("{\"createOrder\": {\"orderId\": "))
                .hasFieldOrPropertyWithValue("code", "INVALID_JSON")
                .hasMessageContaining("line 1, column");
    }

    @Test
    void aJsonValueOfTheWrongKindIsNamedByItsPath() throws IOException {
        String order = Files.readString(Path.of("samples/booking-create.json")).replaceFirst("\"unit\": \"kg\"", "\"unit\": \"pound\"");

        assertThatThrownBy(() -> read(order))
                .hasFieldOrPropertyWithValue("code", "SCHEMA_INVALID")
                .hasMessageContaining("at $.createOrder.totals.grossWeight.unit")
                .hasMessageContaining("pound");
    }

    @Test
    void xmlAgainstTheSchemaIsSchemaInvalidAndSaysWhy() {
        assertThatThrownBy(() -> read("<cancelOrder xmlns=\"urn:carrierhub:order:v1\"><carrier>bring-shipment</carrier></cancelOrder>"))
                .hasFieldOrPropertyWithValue("code", "SCHEMA_INVALID")
                .hasMessageContaining("orderId");
    }

    @Test
    void jsonIsHeldToTheSameSchemaRules() {
        assertThatThrownBy(() -> read("{\"cancelOrder\": {\"carrier\": \"bring-shipment\"}}"))
                .hasFieldOrPropertyWithValue("code", "SCHEMA_INVALID")
                .hasMessageContaining("orderId");
        assertThatThrownBy(() -> read("{\"cancelOrder\": {\"orderId\": \"A 1\", \"carrier\": \"BRING\"}}"))
                .hasFieldOrPropertyWithValue("code", "SCHEMA_INVALID");
        assertThatThrownBy(() -> read("{\"cancelOrder\": {\"orderId\": \"A1\", \"carrier\": \"bring-shipment\", \"colour\": \"red\"}}"))
                .hasFieldOrPropertyWithValue("code", "SCHEMA_INVALID")
                .hasMessageContaining("at $.cancelOrder.colour");
    }

    @Test
    void hubMessagesAreNotAcceptedAsOrders() {
        assertThatThrownBy(() -> read("{\"orderStatus\": {\"outcome\": \"ACCEPTED\", \"timestamp\": \"2026-11-22T10:00:00Z\"}}"))
                .hasFieldOrPropertyWithValue("code", "UNEXPECTED_MESSAGE");
    }

    @Test
    void neitherXmlNorJsonIsRefused() {
        assertThatThrownBy(() -> read("ORDER;1;bring")).hasFieldOrPropertyWithValue("code", "UNKNOWN_FORMAT");
    }

    @Test
    void externalEntitiesAreNotResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<cancelOrder xmlns=\"urn:carrierhub:order:v1\"><orderId>&e;</orderId><carrier>bring-shipment</carrier></cancelOrder>";
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void theIdempotencyKeyIsOrderAndActionAndForUpdatesAlsoTheContent() throws IOException {
        byte[] cancel = Files.readAllBytes(Path.of("samples/shipment-cancel.xml"));
        byte[] update = Files.readAllBytes(Path.of("samples/shipment-update.xml"));
        String otherUpdate = new String(update, StandardCharsets.UTF_8).replace("flat 2B", "flat 3C");

        assertThat(codec.read(cancel, null).idempotencyKey()).isEqualTo("SO-100234:CANCEL");
        assertThat(codec.read(update, null).idempotencyKey()).isEqualTo(codec.read(update, null).idempotencyKey());
        assertThat(codec.read(update, null).idempotencyKey())
                .startsWith("SO-100234:UPDATE:")
                .isNotEqualTo(codec.read(otherUpdate.getBytes(StandardCharsets.UTF_8), null).idempotencyKey());
        assertThat(codec.read(update, null).action()).isEqualTo(Action.UPDATE);
    }

    private OrderMessage read(String body) {
        return codec.read(body.getBytes(StandardCharsets.UTF_8), null);
    }
}

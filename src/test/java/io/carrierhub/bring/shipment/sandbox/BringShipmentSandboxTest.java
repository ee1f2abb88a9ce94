package io.carrierhub.bring.shipment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.bring.shipment.BringShipmentCodec;
import io.carrierhub.bring.shipment.model.BringResponseError;
import io.carrierhub.bring.shipment.model.BringShipmentResponse;
import io.carrierhub.bring.shipment.model.BringUpdateIndicator;
import io.carrierhub.bring.shipment.model.BringWeightUnit;
import io.carrierhub.sandbox.RecordedRequest;
import io.carrierhub.sandbox.SandboxControl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The sandbox over real HTTP, fed with the request samples of Bring's Shipment API documentation. */
class BringShipmentSandboxTest {

    private static final String UID = "sandbox@carrierhub.local";
    private static final String KEY = "sandbox-key";
    private static final String XML = "application/xml";
    private static final String JSON = "application/json";
    private static final String IDS = "?shipmentId=true&packageIds=true";

    // Bring's documents are dated 2018 to 2022: this sandbox replays them with the past-dates check off
    private static final BringShipmentSandbox sandbox = new BringShipmentSandbox(
            new BringShipmentSandboxProperties(true, 0, UID, KEY, 0.0, Duration.ZERO, false));
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final BringShipmentCodec codec = new BringShipmentCodec();
    private static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"booking.xml", "booking.json"})
    void confirmsBringsBookingSampleWithAssignedIdsInPackageOrder(String sample) throws Exception {
        HttpResponse<byte[]> answer = send(post("sendbooking" + IDS, sample), sample(sample));

        assertThat(answer.statusCode()).isEqualTo(200);
        BringShipmentResponse response = read(answer);
        assertThat(response.getStatus()).isEqualTo("OK_CONFIRMED");
        assertThat(response.getProcessingID()).isNotBlank();
        assertThat(response.getEndpointProcessingID()).isNotBlank();
        String shipmentId = response.getIdentities().get(0).getShipmentId();
        List<String> packageIds = response.getIdentities().get(0).getPackageId();
        assertThat(shipmentId).matches("\\d{17}").isNotEqualTo("73500012345678911");
        assertThat(packageIds).hasSize(2).doesNotHaveDuplicates().allMatch(id -> id.matches("\\d{18}"));
        assertThat(List.of(shipmentId, packageIds.get(0), packageIds.get(1)))
                .allMatch(id -> Gs1Numbers.withCheckDigit(id.substring(0, id.length() - 1)).equals(id));

        AcceptedShipment accepted = sandbox.shipments().get(0);
        assertThat(accepted.root()).isEqualTo("CreateBookingRequest");
        assertThat(accepted.updateIndicator()).isEqualTo(BringUpdateIndicator.ORIGINAL);
        assertThat(accepted.sendersReference()).isEqualTo("CUSTOMERS REFERENCE");
        assertThat(accepted.shipmentId()).isEqualTo(shipmentId);
        assertThat(accepted.packageIds()).isEqualTo(packageIds);
    }

    @Test
    void confirmsTheJsonBookingSampleWithItsCodesByName() throws Exception {
        // Bring's "Valid Request" example names the units ("unitCode": "KGM") where the seed's sample has ordinals
        String byName = sample("booking.json", StandardCharsets.UTF_8).replace("\"unitCode\": 1,", "\"unitCode\": \"KGM\",");

        HttpResponse<byte[]> answer = send(post("sendbooking" + IDS, "booking.json"), encoded("booking.json", byName));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(sandbox.shipments().get(0).request().getShipment().getShipmentHeaders().getGrossWeight().getUnitCode())
                .isEqualTo(BringWeightUnit.KGM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shipment.xml", "shipment.json"})
    void reportsEveryRuleTheShipmentSampleBreaks(String sample) throws Exception {
        // Bring's instruction sample carries CashOnDelivery and DangerousGoods without the VAS codes 1000 and 1245
        HttpResponse<byte[]> answer = send(post("sendshipment" + IDS, sample), sample(sample));

        assertThat(answer.statusCode()).isEqualTo(400);
        BringShipmentResponse response = read(answer);
        assertThat(response.getStatus()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.getErrors()).extracting(BringResponseError::getError).containsOnly("VALIDATION");
        assertThat(response.getErrors()).extracting(BringResponseError::getErrorText).containsExactly(
                "CashOnDelivery requires AdditionalService 1000",
                "DangerousGoods requires AdditionalService 1245",
                "DangerousGoods 1 of GoodsItem 1 has no Flashpoint, which is required");
        assertThat(sandbox.shipments()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shipment.xml", "shipment.json"})
    void confirmsTheShipmentSampleWithTheServicesAndTheFlashpointItNeeds(String sample) throws Exception {
        HttpResponse<byte[]> answer = send(post("sendshipment" + IDS, sample),
                encoded(sample, withFlashpoint(sample, withServices(sample, "1000", "1245"))));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(read(answer).getIdentities().get(0).getPackageId()).hasSize(2);
        assertThat(sandbox.shipments()).singleElement().extracting(AcceptedShipment::root).isEqualTo("CreateShipmentRequest");
    }

    @Test
    void answersJsonInBringsResponseShape() throws Exception {
        HttpResponse<byte[]> answer = send(post("sendbooking" + IDS, "booking.json"), sample("booking.json"));

        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(JSON));
        JsonNode body = json.readTree(answer.body());
        assertThat(body.size()).isOne();
        JsonNode response = body.get("CreateShipmentResponse");
        assertThat(response.get("Status").asText()).isEqualTo("OK_CONFIRMED");
        assertThat(response.get("StatusText").asText()).isEqualTo("Order created");
        assertThat(response.get("Identities").isObject()).isTrue();
        assertThat(response.get("Identities").get("ShipmentId").asText()).matches("\\d{17}");
        assertThat(response.get("Identities").get("PackageId").isArray()).isTrue();
        assertThat(response.get("Identities").get("PackageId")).hasSize(2);
        assertThat(response.get("ProcessingID").asText()).isNotBlank();
        assertThat(response.get("EndpointProcessingID").asText()).isNotBlank();
    }

    @Test
    void answersTheFormatAcceptAsksFor() throws Exception {
        HttpResponse<byte[]> answer = send(post("sendbooking" + IDS, "booking.json").setHeader("Accept", XML),
                sample("booking.json"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .contains("<CreateShipmentResponse xmlns=\"http://api.bring.com/CreateShipment\"");
    }

    @Test
    void refusesMissingOrUnknownCredentialsWith417() throws Exception {
        HttpRequest.Builder anonymous = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sendbooking" + IDS))
                .header("Content-Type", XML).header("Accept", XML);
        HttpResponse<byte[]> missing = send(anonymous, sample("booking.xml"));
        HttpResponse<byte[]> wrongKey = send(post("sendbooking" + IDS, "booking.xml").setHeader("X-Mybring-API-Key", "guess"),
                sample("booking.xml"));

        for (HttpResponse<byte[]> answer : List.of(missing, wrongKey)) {
            assertThat(answer.statusCode()).isEqualTo(417);
            assertThat(read(answer).getStatus()).isEqualTo("FORBIDDEN");
        }
        assertThat(sandbox.shipments()).isEmpty();
    }

    @Test
    void takesTheMybringHeadersInAnySpelling() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sendbooking" + IDS))
                .header("Content-Type", XML).header("Accept", XML)
                .header("X-MyBring-API-Uid", UID).header("x-mybring-api-key", KEY)
                .header("X-Bring-Client-URL", "carrierhub.local");

        assertThat(send(request, sample("booking.xml")).statusCode()).isEqualTo(200);
        assertThat(sandbox.shipments().get(0).clientUrl()).isEqualTo("carrierhub.local");
    }

    @Test
    void reportsEveryBrokenRuleInOneAnswer() throws Exception {
        String body = withServices("booking.xml", "1000")
                .replace("subClass=\"TransportCompany\"", "subClass=\"NotifyParty\"");

        HttpResponse<byte[]> answer = send(post("sendbooking" + IDS, "booking.xml"), bytes(body, StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(read(answer).getErrors()).extracting(BringResponseError::getErrorText).containsExactly(
                "An AdditionalParty with subClass TransportCompany is required",
                "AdditionalService 1000 requires CashOnDelivery");
    }

    @Test
    void refusesBodiesThatAreNotAShipment() throws Exception {
        HttpResponse<byte[]> garbage = send(post("sendbooking" + IDS, "booking.xml"), bytes("<CreateBookingRequest><oops", StandardCharsets.UTF_8));
        HttpResponse<byte[]> noReceiver = send(post("sendbooking" + IDS, "booking.json"),
                bytes(sample("booking.json", StandardCharsets.UTF_8).replace("\"Receiver\"", "\"Recipient\""), StandardCharsets.UTF_8));

        for (HttpResponse<byte[]> answer : List.of(garbage, noReceiver)) {
            assertThat(answer.statusCode()).isEqualTo(400);
            BringShipmentResponse response = read(answer);
            assertThat(response.getStatus()).isEqualTo("VALIDATION_ERROR");
            assertThat(response.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getError()).isEqualTo("VALIDATION");
                assertThat(error.getErrorText()).isNotBlank();
            });
        }
    }

    @Test
    void refusesAShipmentTypeTheEndpointDoesNotTake() throws Exception {
        HttpResponse<byte[]> answer = send(post("sendshipment" + IDS, "booking.xml"), sample("booking.xml"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(read(answer).getErrors()).extracting(BringResponseError::getErrorText).containsExactly(
                "/shipment/sendshipment takes shipmentType Instruction, not Booking",
                "/shipment/sendshipment takes a CreateShipmentRequest, not a CreateBookingRequest");
    }

    @Test
    void failsTheNextRequestsAsScheduledThenRecovers() throws Exception {
        sandbox.faults().failNext(2, 500);

        List<HttpResponse<byte[]>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(send(post("sendbooking" + IDS, "booking.xml"), sample("booking.xml")));
        }

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(500, 500, 200);
        BringShipmentResponse response = read(answers.get(0));
        assertThat(response.getStatus()).isEqualTo("ERROR");
        assertThat(response.getErrors()).extracting(BringResponseError::getError).containsExactly("SYSTEM");
        assertThat(sandbox.requestCount()).isEqualTo(3);
        assertThat(sandbox.shipments()).hasSize(1);
    }

    @Test
    void addsTheLatencyAndFailureRateItIsGiven() throws Exception {
        sandbox.faults().latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(send(post("sendbooking" + IDS, "booking.xml"), sample("booking.xml")).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        sandbox.faults().failureRate(1.0);
        assertThat(send(post("sendbooking" + IDS, "booking.xml"), sample("booking.xml")).statusCode()).isEqualTo(500);
    }

    @Test
    void injectedFailuresAnswerInBringsShapeAndTheControlApiShowsTheBookings() throws Exception {
        SandboxControl control = new SandboxControl(sandbox.address());
        control.failNext(1, 429, "2");
        control.acceptThenFailNext(1);

        HttpResponse<byte[]> throttled = send(post("sendbooking" + IDS, "booking.json"), sample("booking.json"));
        HttpResponse<byte[]> ambiguous = send(post("sendbooking" + IDS, "booking.json"), sample("booking.json"));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(read(throttled).getStatus()).isEqualTo("ERROR");
        assertThat(ambiguous.statusCode()).isEqualTo(500);
        assertThat(read(ambiguous).getErrors()).extracting(BringResponseError::getError).containsExactly("SYSTEM");
        JsonNode bookings = control.view("bring-shipment", "shipments");
        assertThat(bookings).singleElement().satisfies(booking -> {
            assertThat(booking.get("sendersReference").asText()).isEqualTo("CUSTOMERS REFERENCE");
            assertThat(booking.get("shipmentId").asText()).isEqualTo(sandbox.shipments().get(0).shipmentId());
        });
        assertThat(control.requests("/shipment/sendbooking")).extracting(RecordedRequest::status).containsExactly(429, 500);
    }

    @Test
    void followsAShipmentThroughUpdateAndDelete() throws Exception {
        String givenIds = "?shipmentId=false&packageIds=false";
        byte[] original = sample("booking.xml");
        byte[] update = booking("Update");
        byte[] delete = booking("Delete");

        assertThat(send(post("sendbooking" + givenIds, "booking.xml"), update).statusCode()).isEqualTo(400);
        HttpResponse<byte[]> created = send(post("sendbooking" + givenIds, "booking.xml"), original);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(read(created).getIdentities().get(0).getShipmentId()).isEqualTo("73500012345678911");
        assertThat(read(created).getIdentities().get(0).getPackageId()).containsExactly("373500123456789012", "37350012345678929");
        assertThat(send(post("sendbooking" + givenIds, "booking.xml"), original).statusCode()).isEqualTo(400);
        assertThat(send(post("sendbooking" + givenIds, "booking.xml"), update).statusCode()).isEqualTo(200);
        assertThat(send(post("sendbooking" + givenIds, "booking.xml"), delete).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> afterDelete = send(post("sendbooking" + givenIds, "booking.xml"), update);

        assertThat(afterDelete.statusCode()).isEqualTo(400);
        assertThat(read(afterDelete).getErrors().get(0).getErrorText()).startsWith("Unknown shipment 73500012345678911");
        assertThat(sandbox.shipments()).extracting(AcceptedShipment::updateIndicator).containsExactly(
                BringUpdateIndicator.ORIGINAL, BringUpdateIndicator.UPDATE, BringUpdateIndicator.DELETE);
        assertThat(sandbox.activeShipment("73500012345678911")).isEmpty();
    }

    @Test
    void answersHttpMistakesWithTheirStatus() throws Exception {
        byte[] body = sample("booking.xml");
        assertThat(send(post("sendbooking", "booking.xml"), body).statusCode()).isEqualTo(400);
        assertThat(send(post("sendbooking?shipmentId=yes&packageIds=true", "booking.xml"), body).statusCode()).isEqualTo(400);
        assertThat(send(post("sendparcel" + IDS, "booking.xml"), body).statusCode()).isEqualTo(404);
        assertThat(send(post("sendbooking" + IDS, "booking.xml").setHeader("Content-Type", "text/plain"), body).statusCode()).isEqualTo(415);
        assertThat(send(post("sendbooking" + IDS, "booking.xml").setHeader("Accept", "text/html"), body).statusCode()).isEqualTo(406);
        HttpResponse<byte[]> get = http.send(post("sendbooking" + IDS, "booking.xml").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(read(get).getStatus()).isEqualTo("ERROR");
    }

    @Test
    void readsBodiesAsIso88591UnlessTheContentTypeSaysOtherwise() throws Exception {
        String json = sample("booking.json", StandardCharsets.UTF_8).replace("CUSTOMERS REFERENCE", "Blåbærsyltetøy");

        assertThat(send(post("sendbooking" + IDS, "booking.json"), bytes(json, StandardCharsets.ISO_8859_1)).statusCode()).isEqualTo(200);
        assertThat(send(post("sendbooking" + IDS, "booking.json").setHeader("Content-Type", JSON + "; charset=UTF-8"),
                bytes(json, StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(sandbox.shipments()).extracting(AcceptedShipment::sendersReference).containsOnly("Blåbærsyltetøy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-request.xml", "valid-request.json"})
    void confirmsBringsValidRequestExampleWithItsChildrenInTheDocumentedOrder(String sample) throws Exception {
        // the RAML's "Valid Request" (OpenAPI validRequestXml / validRequest): GoodsReturnParty's ContactName after
        // its Email, and its Address's AddressLine after CountryCode
        HttpResponse<byte[]> answer = send(post("sendshipment?shipmentId=false&packageIds=false", sample), sample(sample));

        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(read(answer).getIdentities().get(0).getShipmentId()).isEqualTo("70722150702977990");
    }

    @Test
    void xmlInAnyOrderIsStillHeldToTheSchema() throws Exception {
        String unknown = sample("valid-request.xml", StandardCharsets.UTF_8).replace("<ContactName>", "<Contact>").replace("</ContactName>", "</Contact>");
        String noCountry = sample("valid-request.xml", StandardCharsets.UTF_8).replace("<CountryCode>NO</CountryCode>\n        <AddressLine>", "<AddressLine>");

        HttpResponse<byte[]> unknownAnswer = send(post("sendshipment?shipmentId=false&packageIds=false", "valid-request.xml"), bytes(unknown, StandardCharsets.UTF_8));
        HttpResponse<byte[]> noCountryAnswer = send(post("sendshipment?shipmentId=false&packageIds=false", "valid-request.xml"), bytes(noCountry, StandardCharsets.UTF_8));

        assertThat(unknownAnswer.statusCode()).isEqualTo(400);
        assertThat(read(unknownAnswer).getErrors()).extracting(BringResponseError::getErrorText).anyMatch(text -> text.contains("Contact"));
        assertThat(noCountry).isNotEqualTo(sample("valid-request.xml", StandardCharsets.UTF_8));
        assertThat(noCountryAnswer.statusCode()).isEqualTo(400);
        assertThat(read(noCountryAnswer).getErrors()).extracting(BringResponseError::getErrorText).anyMatch(text -> text.contains("CountryCode"));
    }

    @Test
    void refusesDangerousGoodsWithoutSenderNameAndAnUnknownTariffReference() throws Exception {
        String body = withFlashpoint("shipment.xml", withServices("shipment.xml", "1000", "1245"))
                .replace("<Name>Sender name</Name>", "")
                .replace("</AdditionalService>\n</ProductAndService>", "</AdditionalService>\n<TariffReference>WARM_CARGO</TariffReference>\n</ProductAndService>");

        HttpResponse<byte[]> answer = send(post("sendshipment" + IDS, "shipment.xml"), bytes(body, StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(read(answer).getErrors()).extracting(BringResponseError::getErrorText).containsExactly(
                "ProductAndService TariffReference must be a valid TariffReference: WARM_CARGO",
                "Sender Name is required with DangerousGoods");
    }

    @Test
    void confirmsADocumentedTariffReference() throws Exception {
        String body = sample("valid-request.xml", StandardCharsets.UTF_8)
                .replace("</ProductCode>", "</ProductCode><TariffReference>GENERAL_CARGO</TariffReference>");

        HttpResponse<byte[]> answer = send(post("sendshipment?shipmentId=false&packageIds=false", "valid-request.xml"), bytes(body, StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesABookingWithAConsignmentValue() throws Exception {
        String body = sample("booking.xml", StandardCharsets.UTF_8).replaceFirst("</GrossWeight>\\s*</Package>",
                "</GrossWeight><Insurance><InsuranceValue currencyCode=\"NOK\">2000</InsuranceValue></Insurance></Package>");

        HttpResponse<byte[]> answer = send(post("sendbooking" + IDS, "booking.xml"), bytes(body, StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(read(answer).getErrors()).extracting(BringResponseError::getErrorText).containsExactly(
                "Package 1 of GoodsItem 1 has an Insurance value: a booking must not include a consignment value");
    }

    @Test
    void rejectsPastDatesByDefault() throws Exception {
        BringShipmentSandbox strict = new BringShipmentSandbox(
                new BringShipmentSandboxProperties(true, 0, UID, KEY, 0.0, Duration.ZERO, true));
        strict.start();
        try {
            HttpResponse<byte[]> answer = send(post(strict, "sendbooking" + IDS, "booking.xml"), sample("booking.xml"));

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(read(answer).getErrors()).extracting(BringResponseError::getErrorText).containsExactly(
                    "DateAndTimes PickupEarliest 2019-01-31T11:33:09.9666092+01:00 is in the past",
                    "DateAndTimes DeliveryEarliest 2019-01-31T15:33:09.9666092+01:00 is in the past",
                    "DateAndTimes DeliveryLatest 2019-01-31T17:33:09.9666092+01:00 is in the past");
        } finally {
            strict.stop();
        }
    }

    @Test
    void numbersEndInTheGs1CheckDigitAsBringsDo() {
        assertThat(Gs1Numbers.withCheckDigit("7043810343319931")).isEqualTo("70438103433199319");
        assertThat(Gs1Numbers.withCheckDigit("37043810369619075")).isEqualTo("370438103696190758");
    }

    @Test
    void springRunsTheSandboxAsConfigured() {
        ApplicationContextRunner contexts = new ApplicationContextRunner()
                .withUserConfiguration(BringShipmentSandboxConfiguration.class, SandboxProperties.class);

        contexts.withPropertyValues("hub.sandbox.bring-shipment.port=0", "hub.sandbox.bring-shipment.latency=250ms",
                "hub.sandbox.bring-shipment.reject-past-dates=false").run(context -> {
            assertThat(context.getBean(BringShipmentSandbox.class).isRunning()).isTrue();
            assertThat(context.getBean(BringShipmentSandboxProperties.class))
                    .returns(Duration.ofMillis(250), BringShipmentSandboxProperties::latency)
                    .returns(false, BringShipmentSandboxProperties::rejectPastDates);
        });
        contexts.withPropertyValues("hub.sandbox.bring-shipment.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(BringShipmentSandbox.class);
            assertThat(context.getBean(BringShipmentSandboxProperties.class)).isEqualTo(new BringShipmentSandboxProperties(
                    false, 18081, "sandbox@carrierhub.local", "sandbox-key", 0.0, Duration.ZERO, true));
        });
    }

    @Test
    void tracksABookedShipmentInTheShapeOfBringsTrackingApi() throws Exception {
        assertThat(send(post("sendbooking" + IDS, "booking.xml"), sample("booking.xml")).statusCode()).isEqualTo(200);
        String shipmentId = sandbox.shipments().get(0).shipmentId();

        JsonNode answer = json.readTree(track("q=" + shipmentId, true).body());

        assertThat(answer.path("apiVersion").asText()).isEqualTo("2");
        JsonNode consignment = answer.path("consignmentSet").get(0);
        assertThat(consignment.path("consignmentId").asText()).isEqualTo(shipmentId);
        JsonNode pack = consignment.path("packageSet").get(0);
        assertThat(pack.path("eventSet")).as("the default timeline: PRE_NOTIFIED at once, HANDED_IN after 2 minutes")
                .singleElement().satisfies(event -> {
                    assertThat(event.path("status").asText()).isEqualTo("PRE_NOTIFIED");
                    assertThat(OffsetDateTime.parse(event.path("dateIso").asText())).isNotNull();
                });
        JsonNode byPackage = json.readTree(track("q=" + pack.path("packageNumber").asText(), true).body());
        assertThat(byPackage.path("consignmentSet").get(0).path("consignmentId").asText()).isEqualTo(shipmentId);
    }

    @Test
    void tracksAShipmentByItsIdOrAPackageIdUntilItIsDeleted() throws Exception {
        String givenIds = "?shipmentId=false&packageIds=false";
        byte[] update = booking("Update");
        byte[] delete = booking("Delete");
        assertThat(send(post("sendbooking" + givenIds, "booking.xml"), sample("booking.xml")).statusCode()).isEqualTo(200);
        assertThat(send(post("sendbooking" + givenIds, "booking.xml"), update).statusCode()).isEqualTo(200);

        for (String number : List.of("73500012345678911", "373500123456789012", "37350012345678929")) {
            assertThat(trackedConsignment(number).path("consignmentId").asText()).as(number).isEqualTo("73500012345678911");
        }
        assertThat(send(post("sendbooking" + givenIds, "booking.xml"), delete).statusCode()).isEqualTo(200);
        for (String number : List.of("73500012345678911", "373500123456789012")) {
            assertThat(trackedConsignment(number).path("error").path("code").asInt()).as(number).isEqualTo(404);
        }
    }

    private static JsonNode trackedConsignment(String number) throws IOException, InterruptedException {
        return json.readTree(track("q=" + number, true).body()).path("consignmentSet").get(0);
    }

    @Test
    void answersTrackingErrorsAsBringsExamplesDo() throws Exception {
        HttpResponse<String> unknown = track("q=70438101099999999", true);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(json.readTree(unknown.body()).path("consignmentSet").get(0).path("error").path("code").asInt()).isEqualTo(404);
        assertThat(track("", true).statusCode()).isEqualTo(400);
        assertThat(track("q=70438101099999999", false).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> track(String query, boolean authenticated) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.address() + "/tracking/api/v2/tracking.json?" + query));
        if (authenticated) {
            request.header("X-Mybring-API-Uid", UID).header("X-Mybring-API-Key", KEY);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @EnableConfigurationProperties(BringShipmentSandboxProperties.class)
    static class SandboxProperties {
    }

    private static HttpRequest.Builder post(String pathAndQuery, String sample) {
        return post(sandbox, pathAndQuery, sample);
    }

    /** A request with the sample's media type and the sandbox's credentials. */
    private static HttpRequest.Builder post(BringShipmentSandbox target, String pathAndQuery, String sample) {
        String mediaType = sample.endsWith(".json") ? JSON : XML;
        return HttpRequest.newBuilder(URI.create(target.baseUrl() + "/" + pathAndQuery))
                .header("Content-Type", mediaType)
                .header("Accept", mediaType)
                .header("X-Mybring-API-Uid", UID)
                .header("X-Mybring-API-Key", KEY);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request, byte[] body) throws IOException, InterruptedException {
        return http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BringShipmentResponse read(HttpResponse<byte[]> answer) {
        boolean asJson = answer.headers().firstValue("Content-Type").orElse("").startsWith(JSON);
        return codec.readResponse(answer.body(), asJson);
    }

    private static byte[] sample(String name) {
        return encoded(name, sample(name, StandardCharsets.UTF_8));
    }

    /** A sample's text as Bring expects it on the wire: XML as it declares itself (UTF-8), JSON in ISO-8859-1. */
    private static byte[] encoded(String name, String text) {
        return bytes(text, name.endsWith(".json") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static String sample(String name, Charset charset) {
        try (InputStream in = BringShipmentSandboxTest.class.getResourceAsStream("/golden/bring-shipment/" + name)) {
            return new String(in.readAllBytes(), charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample with more additional services. */
    private static String withServices(String name, String... codes) {
        String body = sample(name, StandardCharsets.UTF_8);
        StringBuilder services = new StringBuilder();
        for (String code : codes) {
            services.append(name.endsWith(".json")
                    ? "{\"AdditionalServiceCode\": \"" + code + "\"},"
                    : "<AdditionalService><AdditionalServiceCode>" + code + "</AdditionalServiceCode></AdditionalService>");
        }
        String edited = name.endsWith(".json")
                ? body.replace("\"AdditionalService\": [", "\"AdditionalService\": [" + services)
                : body.replace("</ProductCode>", "</ProductCode>" + services);
        assertThat(edited).as("the sample %s has additional services to add to", name).isNotEqualTo(body);
        return edited;
    }

    /** A sample whose one DangerousGoods gets the Flashpoint the RAML requires and the sample lacks. */
    private static String withFlashpoint(String name, String body) {
        String edited = name.endsWith(".json")
                ? body.replace("\"HazardClass\"", "\"Flashpoint\": {\"unitCode\": \"CEL\", \"Value\": 18},\n\"HazardClass\"")
                : body.replace("<HazardClass>", "<Flashpoint unitCode=\"CEL\">18</Flashpoint>\n<HazardClass>");
        assertThat(edited).as("the sample %s has dangerous goods", name).isNotEqualTo(body);
        return edited;
    }

    /** Bring's booking sample with another updateIndicator than its Original. */
    private static byte[] booking(String updateIndicator) {
        return bytes(sample("booking.xml", StandardCharsets.UTF_8)
                .replace("updateIndicator=\"Original\"", "updateIndicator=\"" + updateIndicator + "\""), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }
}

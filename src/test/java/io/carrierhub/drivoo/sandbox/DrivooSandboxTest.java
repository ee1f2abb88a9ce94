package io.carrierhub.drivoo.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Drivoo sandbox as a client sees it on the wire: the seed's token exchange, pagination, form bodies and error codes. */
class DrivooSandboxTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String COURSE = "{\"retailer_id\":\"3\",\"date_debut\":\"2036-10-04T20:15:00.000Z\",\"delai\":\"2\","
            + "\"client\":{\"address\":\"54 av Winston Churchill, 31770, Colomiers, France\",\"nom\":\"Mme Michu\",\"mobile\":\"0651451225\"},"
            + "\"colis\":[{\"description\":\"colis fragile\",\"typecolis\":\"2\"}]}";

    DrivooSandbox sandbox;
    HttpClient http = HttpClient.newHttpClient();
    String token;

    @BeforeEach
    void start() throws Exception {
        sandbox = new DrivooSandbox(new DrivooSandboxProperties(true, 0, "testclient", "testpass", Duration.ofHours(10),
                Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(15), 30, 0.0, Duration.ZERO));
        sandbox.start();
        HttpResponse<String> answer = send("POST", "/oauth", "application/json",
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"testclient\",\"client_secret\":\"testpass\"}", false);
        JsonNode seedShape = JSON.readTree(answer.body());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(seedShape.path("expires_in").asInt()).isEqualTo(36000);
        assertThat(seedShape.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(seedShape.has("scope") && seedShape.get("scope").isNull()).isTrue();
        token = seedShape.path("access_token").asText();
        assertThat(token).matches("[0-9a-f]{40}");
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void theSeedsOwnCourseExampleIsCreatedAsJsonAndAsAForm() throws Exception {
        HttpResponse<String> json = send("POST", "/course", "application/json", COURSE, true);
        HttpResponse<String> form = send("POST", "/course", "application/x-www-form-urlencoded",
                "retailer_id=3&date_dispo=2036-10-04+22%3A15%3A00&client%5Baddress%5D=Place+du+Capitole&client%5Bnom%5D=ytytfut"
                        + "&colis%5B0%5D%5Bdescription%5D=colis&colis%5B0%5D%5Bpoids%5D=1.5", true);

        assertThat(json.statusCode()).as(json.body()).isEqualTo(201);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(201);
        JsonNode course = JSON.readTree(form.body());
        assertThat(course.path("etat").asText()).isEqualTo("created");
        assertThat(course.path("client_nom").asText()).isEqualTo("ytytfut");
        assertThat(course.path("colis").get(0).path("poids").asText()).isEqualTo("1.5");
        assertThat(json.headers().firstValue("Location")).hasValue("/course/" + JSON.readTree(json.body()).path("id").asText());
    }

    @Test
    void collectionsComeInPagesOf25WithTheSeedsPaginationFields() throws Exception {
        JsonNode first = JSON.readTree(send("GET", "/retailer", null, null, true).body());
        JsonNode second = JSON.readTree(send("GET", "/retailer?page=2", null, null, true).body());

        assertThat(first.path("num_found").asInt()).isEqualTo(30);
        assertThat(first.path("num_returned").asInt()).isEqualTo(25);
        assertThat(first.path("pageCount").asInt()).isEqualTo(2);
        assertThat(first.path("itemCountPerPage").asInt()).isEqualTo(25);
        assertThat(first.path("first").asInt()).isEqualTo(1);
        assertThat(first.path("current").asInt()).isEqualTo(1);
        assertThat(first.path("last").asInt()).isEqualTo(2);
        assertThat(first.path("next").asInt()).isEqualTo(2);
        assertThat(first.path("retailer")).hasSize(25);
        assertThat(second.path("retailer")).hasSize(5);
        assertThat(second.has("next")).as("no next page after the last").isFalse();
        assertThat(first.path("retailer").get(0).path("societe").asText()).isEqualTo("Allard Fleur");
    }

    @Test
    void everyErrorCodeOfTheSeedInTheSituationThatCausesIt() throws Exception {
        assertThat(send("POST", "/course", "application/json", "{\"retailer_id\":\"3\",\"colis\":[]}", true).body())
                .contains("\"status\":400", "validation_messages", "client", "date_dispo", "au moins un colis");
        assertThat(send("POST", "/course", null, COURSE, true).statusCode()).as("no Content-Type").isEqualTo(400);
        assertThat(send("GET", "/course", null, null, false).statusCode()).as("no token").isEqualTo(401);
        assertThat(send("POST", "/oauth", "application/json",
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"testclient\",\"client_secret\":\"nope\"}", false).statusCode())
                .as("wrong secret").isEqualTo(401);
        assertThat(send("POST", "/course", "application/json", COURSE.replace("\"retailer_id\":\"3\"", "\"retailer_id\":\"2\""), true)
                .statusCode()).as("another account's retailer").isEqualTo(403);
        assertThat(send("GET", "/course/999999", null, null, true).statusCode()).as("unknown course").isEqualTo(404);
        HttpResponse<String> notAllowed = send("DELETE", "/retailer", null, null, true);
        assertThat(notAllowed.statusCode()).isEqualTo(405);
        assertThat(notAllowed.headers().firstValue("Allow")).hasValue("GET");
        sandbox.faults().failNext(1, 500);
        assertThat(send("GET", "/course", null, null, true).body()).contains("\"status\":500", "Internal Server Error");
    }

    @Test
    void aCourseCannotBeCancelledOnceTheDriverHasTheParcel() throws Exception {
        String id = JSON.readTree(send("POST", "/course", "application/json", COURSE, true).body()).path("id").asText();

        assertThat(send("DELETE", "/course/" + id, null, null, true).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/course/" + id, null, null, true).body()).contains("\"status\":400", "ne peut plus etre annulee");
        assertThat(JSON.readTree(send("GET", "/course?etat=canceled", null, null, true).body()).path("num_found").asInt()).isEqualTo(1);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, boolean authenticated)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.address() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authenticated) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.carrierhub.drivoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.carrier.auth.CarrierTokens;
import io.carrierhub.drivoo.sandbox.DrivooSandbox;
import io.carrierhub.order.CarrierReferences;
import io.carrierhub.order.model.EventType;
import io.carrierhub.order.model.TmsEvent;
import io.carrierhub.poll.OpenOrder;
import io.carrierhub.sandbox.SandboxControl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DrivooCoursePoll against the Drivoo sandbox, whose courses advance on the sandbox's clock, moved on by the test:
 * each state change once, in order, with the driver and where the driver is; nothing for unchanged or ended courses.
 */
class DrivooCoursePollTest {

    static final Duration STEP = Duration.ofMinutes(10);

    TestClock clock = new TestClock();
    DrivooSandbox sandbox;
    DrivooCoursePoll poll;
    CarrierTokens tokens;

    @BeforeEach
    void start() {
        sandbox = new DrivooSandbox(DrivooAccountKit.sandbox(Duration.ofDays(1), STEP), clock);
        sandbox.start();
        tokens = DrivooAccountKit.tokens(sandbox, "testpass", Duration.ofSeconds(60), clock);
        poll = new DrivooCoursePoll(DrivooAccountKit.api(sandbox, tokens, clock));
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void aCourseGivesEachStateOnceInOrderWithItsDriverAndPosition() {
        String course = createCourse();
        List<TmsEvent> events = new ArrayList<>();
        String last = null;
        for (int step = 0; step < 4; step++) {
            for (int check = 0; check < 2; check++) {
                List<TmsEvent> found = poll.check(open("SO-1", course, last));
                events.addAll(found);
                if (!found.isEmpty()) {
                    last = found.get(found.size() - 1).getCarrierStatus();
                }
            }
            clock.advance(STEP.plusSeconds(1));
        }

        assertThat(events).extracting(TmsEvent::getEventType)
                .containsExactly(EventType.CREATED, EventType.ASSIGNED, EventType.IN_TRANSIT, EventType.DELIVERED);
        assertThat(events).extracting(TmsEvent::getCarrierStatus).containsExactly("created", "assigned", "in_transit", "delivered");
        assertThat(events.get(0).getDriver()).as("no driver before the assignment").isNull();
        for (TmsEvent event : events.subList(1, 4)) {
            assertThat(event.getDriver().getName()).isNotBlank();
            assertThat(event.getDriver().getPhone()).matches("0\\d{9}");
            assertThat(event.getLocation()).isNotNull();
            assertThat(event.getCarrierReference()).extracting(reference -> reference.getValue()).containsExactly(course);
        }
        // delivered: the driver is at the client's, which is not the retailer (Fleurs du Capitole, 43.6035, 1.4460)
        assertThat(events.get(3).getLocation().getLatitude().doubleValue()).isNotEqualTo(43.6035);
        assertThat(events).extracting(event -> event.getOccurredAt().toGregorianCalendar().toInstant())
                .isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aDriverMovesBetweenPickupAndDropOff() {
        String course = createCourse();
        clock.advance(STEP.plusSeconds(1));
        TmsEvent assigned = poll.check(open("SO-2", course, "created")).get(0);
        clock.advance(STEP.plus(STEP.dividedBy(2)));
        TmsEvent underway = poll.check(open("SO-2", course, "assigned")).get(0);

        assertThat(underway.getEventType()).isEqualTo(EventType.IN_TRANSIT);
        assertThat(underway.getLocation().getLatitude()).isNotEqualTo(assigned.getLocation().getLatitude());
        assertThat(underway.getDriver().getName()).isEqualTo(assigned.getDriver().getName());
    }

    @Test
    void nothingForAnUnchangedCourseNorForOneThatEnded() {
        String cancelled = createCourse();
        String returned = createCourse();
        SandboxControl control = new SandboxControl(sandbox.address());
        clock.advance(STEP.plusSeconds(1));
        control.post("drivoo", "return?course=" + returned);
        delete(cancelled);
        clock.advance(STEP.multipliedBy(3));

        assertThat(poll.check(open("SO-3", cancelled, "assigned"))).extracting(TmsEvent::getEventType)
                .containsExactly(EventType.CANCELLED);
        assertThat(poll.check(open("SO-4", returned, "assigned"))).extracting(TmsEvent::getEventType)
                .containsExactly(EventType.RETURNED);
        assertThat(poll.check(open("SO-3", cancelled, "canceled"))).isEmpty();
        assertThat(poll.check(open("SO-4", returned, "returned"))).isEmpty();
        assertThat(poll.follows(open("SO-3", cancelled, "canceled"))).as("an ended course is not followed").isFalse();
        assertThat(poll.follows(open("SO-5", returned, "in_transit"))).isTrue();
    }

    private OpenOrder open(String orderId, String course, String lastStatus) {
        return new OpenOrder(orderId, DrivooAccountKit.CARRIER, List.of(CarrierReferences.of(DrivooClient.COURSE, course)),
                lastStatus, clock.instant());
    }

    private String createCourse() {
        Map<String, Object> course = Map.of("retailer_id", 3, "date_dispo", "2036-11-23T13:00:00.000Z",
                "client", Map.of("address", "54 av Winston Churchill, 31770, Colomiers, France", "nom", "Mme Michu"),
                "colis", List.of(Map.of("description", "colis fragile")));
        try {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(sandbox.address() + "/course"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new ObjectMapper().writeValueAsBytes(course))));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            return new ObjectMapper().readTree(answer.body()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void delete(String course) {
        assertThat(send(HttpRequest.newBuilder(URI.create(sandbox.address() + "/course/" + course)).DELETE()).statusCode()).isEqualTo(204);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        tokens.of(DrivooAccountKit.CARRIER).headers().forEach(request::header);
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

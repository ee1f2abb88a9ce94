package io.carrierhub.drivoo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The courses the sandbox holds, and how Drivoo shows one (the fields of the seed's GET /course example). */
final class SandboxCourses {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, SandboxCourse> courses = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private final List<SandboxPlaces.Driver> drivers = SandboxPlaces.drivers();
    private final Duration assignAfter;
    private final Duration pickupAfter;
    private final Duration deliverAfter;

    SandboxCourses(Duration assignAfter, Duration pickupAfter, Duration deliverAfter) {
        this.assignAfter = assignAfter;
        this.pickupAfter = pickupAfter;
        this.deliverAfter = deliverAfter;
    }

    SandboxCourse create(SandboxPlaces.Retailer retailer, JsonNode fields, Instant now) {
        int id = ids.incrementAndGet();
        SandboxCourse course = new SandboxCourse(id, retailer, drivers.get(id % drivers.size()), fields, now,
                assignAfter, pickupAfter, deliverAfter);
        courses.put(id, course);
        return course;
    }

    Optional<SandboxCourse> find(String id) {
        return id.matches("\\d{1,9}") ? Optional.ofNullable(courses.get(Integer.parseInt(id))) : Optional.empty();
    }

    /** Every course, or those in one state ({@code ?etat=}); an unknown state is Drivoo's 400. */
    List<SandboxCourse> list(String etat, Instant now) {
        if (etat != null && java.util.Arrays.stream(SandboxCourse.State.values()).noneMatch(state -> state.name().equals(etat))) {
            throw Problem.of(400, "Bad Request", "etat inconnu: " + etat);
        }
        List<SandboxCourse> all = new ArrayList<>(courses.values());
        return etat == null ? all : all.stream().filter(course -> course.state(now).name().equals(etat)).toList();
    }

    ObjectNode member(SandboxCourse course, Instant now) {
        JsonNode fields = course.fields();
        JsonNode client = fields.path("client");
        SandboxCourse.Position clientAt = clientPosition(course.retailer, client.path("address").asText(""));
        SandboxCourse.State state = course.state(now);
        SandboxCourse.Position driverAt = course.driverPosition(now, clientAt);
        boolean driven = driverAt != null;
        ObjectNode member = json.createObjectNode();
        member.put("id", String.valueOf(course.id));
        member.put("created_at", CourseRules.format(course.createdAt));
        member.put("updated_at", CourseRules.format(course.updatedAt(now)));
        JsonNode dispo = CourseRules.dateDispo(fields);
        member.put("date_debut", dispo == null ? null : CourseRules.format(CourseRules.instant(dispo.asText())));
        member.put("delai", fields.path("delai").isMissingNode() || fields.path("delai").isNull() ? null : fields.path("delai").asText());
        member.put("etat", state.name());
        member.put("retailer_id", String.valueOf(course.retailer.id()));
        member.put("retailer_adresse", course.retailer.adresse());
        member.put("retailer_nom", course.retailer.nom());
        member.put("retailer_societe", course.retailer.societe());
        member.put("retailer_lat", course.retailer.latitude());
        member.put("retailer_long", course.retailer.longitude());
        member.put("retailer_photo", course.retailer.photo());
        member.put("driver_adresse", (String) null);
        member.put("driver_nom", driven ? course.driver.nom() : null);
        member.put("driver_prenom", driven ? course.driver.prenom() : null);
        member.put("driver_mobile", driven ? course.driver.mobile() : null);
        member.put("driver_lat", driven ? coordinate(driverAt.lat()) : null);
        member.put("driver_long", driven ? coordinate(driverAt.lon()) : null);
        member.put("client_adresse", client.path("address").asText(null));
        member.put("client_nom", client.path("nom").asText(null));
        member.put("client_prenom", client.path("prenom").asText(null));
        member.put("client_mobile", client.path("mobile").asText(null));
        member.put("client_lat", coordinate(clientAt.lat()));
        member.put("client_long", coordinate(clientAt.lon()));
        member.put("commentaire_retailer", fields.path("commentaire_retailer").asText(null));
        member.put("commentaire_client", fields.path("commentaire_client").asText(null));
        ArrayNode colis = member.putArray("colis");
        JsonNode given = fields.path("colis");
        for (int i = 0; i < given.size(); i++) {
            JsonNode parcel = given.get(i);
            ObjectNode shown = colis.addObject();
            shown.put("id", String.valueOf(course.id * 100 + i + 1));
            shown.put("description", parcel.path("description").asText(null));
            shown.put("poids", parcel.path("poids").asText(null));
            for (String field : new String[] {"hauteur", "largeur", "profondeur"}) {
                shown.put(field, parcel.hasNonNull(field) ? parcel.get(field).asText() : null);
            }
            shown.put("course_id", String.valueOf(course.id));
            JsonNode type = parcel.hasNonNull("type") ? parcel.get("type") : parcel.get("typecolis");
            shown.put("type", type == null || type.isNull() ? null : type.asText());
        }
        member.putObject("_links").putObject("self").put("href", "http://api.drivoo.com/course/" + course.id);
        return member;
    }

    void reset() {
        courses.clear();
    }

    /** The sandbox does not geocode: a client's address is placed, always at the same spot, within ~5 km of the retailer. */
    private static SandboxCourse.Position clientPosition(SandboxPlaces.Retailer retailer, String address) {
        int hash = address.toLowerCase(Locale.ROOT).hashCode();
        double dLat = ((hash & 0xffff) / 65535.0 - 0.5) * 0.09;
        double dLong = (((hash >>> 16) & 0xffff) / 65535.0 - 0.5) * 0.12;
        return new SandboxCourse.Position(retailer.lat() + dLat, retailer.lon() + dLong);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.7f", value);
    }
}

package io.carrierhub.drivoo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Drivoo requires of a course (the seed's tables): on a create, retailer_id, client, date_dispo and at least one
 * colis; on an update, what is given is checked (the seed's PUT example sends one field). The seed's own example
 * writes {@code date_debut} and {@code typecolis} where its tables say {@code date_dispo} and {@code type}: both
 * names are taken. Each violation is named by its field, as Drivoo's {@code validation_messages}.
 */
final class CourseRules {

    static final ZoneId DRIVOO_TIME = ZoneId.of("Europe/Paris");
    static final DateTimeFormatter DRIVOO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CourseRules() {
    }

    /** Field -> (rule -> message); empty when the course is valid. */
    static Map<String, Map<String, String>> violations(JsonNode course, boolean create, Instant now) {
        Map<String, Map<String, String>> violations = new LinkedHashMap<>();
        if (create && !course.hasNonNull("retailer_id")) {
            violations.put("retailer_id", Map.of("isEmpty", "Le retailer_id est obligatoire"));
        } else if (create && !isInteger(course.get("retailer_id"))) {
            violations.put("retailer_id", Map.of("notDigits", "Le retailer_id doit etre un entier"));
        }
        JsonNode client = course.get("client");
        if (client == null && create) {
            violations.put("client", Map.of("isEmpty", "L'objet client est obligatoire"));
        } else if (client != null) {
            if (!client.isObject()) {
                violations.put("client", Map.of("notObject", "client doit etre un objet (address, nom, mobile)"));
            } else {
                if (blank(client.get("address"))) {
                    violations.put("client.address", Map.of("isEmpty", "L'adresse du client est obligatoire"));
                }
                if (blank(client.get("nom"))) {
                    violations.put("client.nom", Map.of("isEmpty", "Le nom du client est obligatoire"));
                }
                if (!blank(client.get("mobile")) && !client.get("mobile").asText().matches("\\+?[0-9 .]{10,20}")) {
                    violations.put("client.mobile", Map.of("regexNotMatch", "Numero de mobile invalide"));
                }
            }
        }
        JsonNode date = dateDispo(course);
        if (date == null && create) {
            violations.put("date_dispo", Map.of("isEmpty", "La date de mise a disposition est obligatoire"));
        } else if (date != null) {
            Instant dispo = instant(date.asText());
            if (dispo == null) {
                violations.put("date_dispo", Map.of("dateInvalid", "Date invalide: " + date.asText()));
            } else if (dispo.isBefore(now.minusSeconds(60))) {
                violations.put("date_dispo", Map.of("dateInPast", "La date de mise a disposition est passee"));
            }
        }
        JsonNode colis = course.get("colis");
        if (colis == null && create) {
            violations.put("colis", Map.of("isEmpty", "La liste des colis est obligatoire"));
        } else if (colis != null && (!colis.isArray() || colis.isEmpty())) {
            violations.put("colis", Map.of("isEmpty", "Une course doit posseder au moins un colis"));
        } else if (colis != null) {
            for (int i = 0; i < colis.size(); i++) {
                colisViolations(colis.get(i), "colis[" + i + "]", violations);
            }
        }
        return violations;
    }

    static JsonNode dateDispo(JsonNode course) {
        return course.hasNonNull("date_dispo") ? course.get("date_dispo") : course.get("date_debut");
    }

    /** ISO-8601 with an offset (the seed's example), or Drivoo's own "2014-10-28 14:52:00" in French time. */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDateTime.parse(text, DRIVOO_DATE).atZone(DRIVOO_TIME).toInstant();
            } catch (DateTimeParseException notDrivoo) {
                return null;
            }
        }
    }

    static String format(Instant instant) {
        return instant == null ? null : DRIVOO_DATE.format(instant.atZone(DRIVOO_TIME));
    }

    private static void colisViolations(JsonNode colis, String name, Map<String, Map<String, String>> violations) {
        if (!colis.isObject()) {
            violations.put(name, Map.of("notObject", "Un colis est un objet"));
            return;
        }
        if (colis.hasNonNull("poids") && !colis.get("poids").asText().matches("\\d+(\\.\\d+)?")) {
            violations.put(name + ".poids", Map.of("notNumber", "Le poids doit etre un nombre"));
        }
        for (String field : new String[] {"hauteur", "largeur", "profondeur", "type", "typecolis"}) {
            if (colis.hasNonNull(field) && !isInteger(colis.get(field))) {
                violations.put(name + "." + field, Map.of("notDigits", field + " doit etre un entier"));
            }
        }
    }

    private static boolean isInteger(JsonNode value) {
        return value != null && (value.isIntegralNumber() || value.isTextual() && value.asText().matches("\\d{1,9}"));
    }

    private static boolean blank(JsonNode value) {
        return value == null || value.isNull() || value.asText().isBlank();
    }
}

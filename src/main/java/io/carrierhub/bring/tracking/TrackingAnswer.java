package io.carrierhub.bring.tracking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What the hub reads of a Tracking API answer (tracking.json, version 2); the rest is ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record TrackingAnswer(List<Consignment> consignmentSet) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Consignment(String consignmentId, List<Package> packageSet, Error error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Package(String packageNumber, List<Event> eventSet) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String status, String description, String dateIso, String postalCode, String city, String countryCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(int code, String message) {
    }
}

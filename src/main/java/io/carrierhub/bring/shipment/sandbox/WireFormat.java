package io.carrierhub.bring.shipment.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two media types of the Shipment API, read from Content-Type and Accept headers. */
enum WireFormat {
    XML("application/xml"),
    JSON("application/json");

    private final String mediaType;

    WireFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The Content-Type of the sandbox's answers, which {@link ResponseBodies} writes in UTF-8. */
    String responseContentType() {
        return mediaType + "; charset=UTF-8";
    }

    /** The format a Content-Type names (parameters such as charset allowed), if it names one of the two. */
    static Optional<WireFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.mediaType.equals(type)).findFirst();
    }

    /** The first of the two formats an Accept header lists, skipping those it refuses with q=0. */
    static Optional<WireFormat> ofAccept(String accept) {
        if (accept == null) {
            return Optional.empty();
        }
        return Arrays.stream(accept.split(","))
                .filter(range -> !range.replace(" ", "").matches("(?i).*;q=0(\\.0*)?(;.*)?"))
                .map(WireFormat::ofContentType)
                .flatMap(Optional::stream)
                .findFirst();
    }
}

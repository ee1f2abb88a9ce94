package io.carrierhub.order;

/** How a message travels on the wire. */
public enum MessageFormat {
    XML("application/xml"),
    JSON("application/json");

    private final String mediaType;

    MessageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format a Content-Type names, or null when it names neither. */
    public static MessageFormat ofContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.contains("json")) {
            return JSON;
        }
        return type.contains("xml") ? XML : null;
    }
}

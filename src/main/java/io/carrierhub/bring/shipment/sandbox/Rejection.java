package io.carrierhub.bring.shipment.sandbox;

import java.util.List;

/**
 * A request the sandbox refuses: the HTTP status, and the Status and Errors of the CreateShipmentResponse it
 * answers with. Error types are Bring's: VALIDATION for the request's content, BAD_REQUEST for the HTTP
 * request around it, SYSTEM for failures on Bring's side.
 */
final class Rejection extends RuntimeException {

    private final int httpStatus;
    private final String status;
    private final String errorType;
    private final List<String> errors;

    private Rejection(int httpStatus, String status, String errorType, List<String> errors) {
        super("HTTP " + httpStatus + " " + status + ": " + String.join("; ", errors), null, false, false);
        this.httpStatus = httpStatus;
        this.status = status;
        this.errorType = errorType;
        this.errors = List.copyOf(errors);
    }

    /** 400: the body breaks the contract or Bring's rules. */
    static Rejection validation(List<String> errors) {
        return new Rejection(400, "VALIDATION_ERROR", "VALIDATION", errors);
    }

    static Rejection validation(String error) {
        return validation(List.of(error));
    }

    /** A 4xx for the HTTP request itself: path, method, media types, query parameters. */
    static Rejection protocol(int httpStatus, List<String> errors) {
        return new Rejection(httpStatus, "ERROR", "BAD_REQUEST", errors);
    }

    static Rejection protocol(int httpStatus, String error) {
        return protocol(httpStatus, List.of(error));
    }

    /** 417, Bring's answer to missing or unknown Mybring credentials. */
    static Rejection forbidden(String error) {
        return new Rejection(417, "FORBIDDEN", "BAD_REQUEST", List.of(error));
    }

    static Rejection system(int httpStatus, String error) {
        return new Rejection(httpStatus, "ERROR", "SYSTEM", List.of(error));
    }

    /** A failure asked for through the sandbox's fault injection, shaped as Bring would send that status. */
    static Rejection injected(int httpStatus) {
        String error = "failure injected by the sandbox (HTTP " + httpStatus + ")";
        return switch (httpStatus) {
            case 400 -> validation(error);
            case 417 -> forbidden(error);
            default -> httpStatus >= 500 ? system(httpStatus, error) : protocol(httpStatus, error);
        };
    }

    int httpStatus() {
        return httpStatus;
    }

    String status() {
        return status;
    }

    String errorType() {
        return errorType;
    }

    List<String> errors() {
        return errors;
    }

    /** Bring's words for the documented statuses, the HTTP reason for the others. */
    String statusText() {
        return switch (httpStatus) {
            case 400 -> "Error in validation of request or error in data structure of request.";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 415 -> "Unsupported Media Type";
            case 417 -> "Missing authentication headers.";
            default -> httpStatus >= 500 ? "Unknown error. Error sending data to destination." : "HTTP " + httpStatus;
        };
    }
}

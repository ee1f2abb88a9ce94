package io.carrierhub.drivoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carrierhub.carrier.auth.AuthorizedReads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads from one Drivoo account: members by id, and every page of a collection, 25 a page, by the pagination
 * fields the seed lists (current, last).
 */
public class DrivooPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final AuthorizedReads reads;

    public DrivooPages(URI baseUrl, AuthorizedReads reads) {
        this.baseUrl = baseUrl;
        this.reads = reads;
    }

    /** Every member of {@code collection} (retailer, course), page after page; {@code filter} is a query or empty. */
    public List<JsonNode> all(String collection, String filter) {
        List<JsonNode> members = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = read(reads.get(uri(collection + "?" + (filter.isEmpty() ? "" : filter + "&") + "page=" + page)));
            JsonNode list = answer.path(collection);
            list.forEach(members::add);
            int last = answer.path("last").asInt(page);
            if (page >= last || list.isEmpty()) {
                return members;
            }
        }
    }

    /** One member, {@code GET /<collection>/<id>}; empty when Drivoo answers 404. */
    public Optional<JsonNode> member(String collection, String id) {
        return reads.find(uri(collection + "/" + id)).map(DrivooPages::read);
    }

    URI uri(String pathAndQuery) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + pathAndQuery);
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Drivoo answered something that is not JSON", e);
        }
    }
}

package io.carrierhub.drivoo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A POST or PUT body in one of the two formats Drivoo takes (its Content-Type says which): JSON, or
 * application/x-www-form-urlencoded with PHP's brackets for objects and lists
 * ({@code client[nom]=Mme+Michu&colis[0][description]=fragile}). Both become the same JSON tree.
 */
final class RequestBodies {

    private static final Pattern KEY = Pattern.compile("([^\\[]+)((?:\\[[^\\]]*\\])*)");
    private static final Pattern PART = Pattern.compile("\\[([^\\]]*)\\]");

    private RequestBodies() {
    }

    /** The body as a JSON object; an IllegalArgumentException says what is wrong with it. */
    static ObjectNode read(String contentType, byte[] body, ObjectMapper json) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            JsonNode tree;
            try {
                tree = body.length == 0 ? null : json.readTree(body);
            } catch (IOException e) {
                throw new IllegalArgumentException("Le corps de la requete n'est pas du JSON valide");
            }
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalArgumentException("Le corps de la requete doit etre un objet JSON");
            }
            return object;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return form(new String(body, StandardCharsets.UTF_8), json);
        }
        throw new IllegalArgumentException("Content-Type manquant ou non supporte (" + contentType
                + "): application/json ou application/x-www-form-urlencoded");
    }

    private static ObjectNode form(String body, ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        if (body.isBlank()) {
            return root;
        }
        for (String pair : body.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            String name = URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8);
            String value = nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "";
            Matcher key = KEY.matcher(name);
            if (!key.matches()) {
                throw new IllegalArgumentException("Parametre illisible: " + name);
            }
            List<String> path = new ArrayList<>();
            path.add(key.group(1));
            Matcher part = PART.matcher(key.group(2));
            while (part.find()) {
                path.add(part.group(1));
            }
            put(root, path, value);
        }
        return root;
    }

    /** Puts the value at its path; a numeric or empty part makes a list, any other an object. */
    private static void put(JsonNode container, List<String> path, String value) {
        JsonNode node = container;
        for (int i = 0; i < path.size(); i++) {
            String part = path.get(i);
            boolean last = i == path.size() - 1;
            boolean nextIsList = !last && (path.get(i + 1).isEmpty() || path.get(i + 1).matches("\\d+"));
            if (node instanceof ObjectNode object) {
                if (last) {
                    object.put(part, value);
                } else {
                    JsonNode child = object.get(part);
                    if (child == null || !child.isContainerNode()) {
                        child = nextIsList ? object.putArray(part) : object.putObject(part);
                    }
                    node = child;
                }
            } else if (node instanceof ArrayNode array) {
                int index = part.isEmpty() ? array.size() : Integer.parseInt(part);
                while (array.size() <= index) {
                    array.addNull();
                }
                if (last) {
                    array.set(index, array.textNode(value));
                } else {
                    JsonNode child = array.get(index);
                    if (child == null || !child.isContainerNode()) {
                        child = nextIsList ? array.arrayNode() : array.objectNode();
                        array.set(index, child);
                    }
                    node = child;
                }
            }
        }
    }
}

package io.carrierhub.drivoo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.carrierhub.sandbox.CarrierApi;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drivoo's API v1 as the seed documents it: {@code POST /oauth} (client credentials, JSON or form body),
 * {@code /course} (GET list, POST create), {@code /course/:id} (GET, PUT, DELETE), {@code /retailer} (GET list) and
 * {@code /retailer/:id} (GET). Collections are paginated, 25 a page. Errors are JSON problems
 * ({@code type, title, status, detail}, and {@code validation_messages} for a 400).
 * <p>
 * Checks, in order: an unknown path is 404; a method the resource does not have 405 (with Allow); no valid bearer
 * token 401; a write without a JSON or form Content-Type, or with an unreadable body 400; an unknown id in the path
 * 404; a course whose fields break the rules 400 (an unknown retailer_id is one); a retailer of another account 403;
 * an update or cancel of a course picked up already 400. 500s come from fault injection.
 */
final class DrivooApiHandler implements CarrierApi {

    static final int PAGE_SIZE = 25;
    private static final Pattern PATH = Pattern.compile("/(oauth|course|retailer)(?:/([^/]+))?/?");
    private static final Set<String> ORDER_BY = Set.of("id", "created_at", "updated_at", "date_debut", "etat");

    private final ObjectMapper json = new ObjectMapper();
    private final DrivooSandboxProperties settings;
    private final Clock clock;
    private final SandboxTokens tokens;
    private final SandboxCourses courses;
    private final List<SandboxPlaces.Retailer> retailers;

    DrivooApiHandler(DrivooSandboxProperties settings, Clock clock, SandboxCourses courses) {
        this.settings = settings;
        this.clock = clock;
        this.tokens = new SandboxTokens(clock, settings.tokenLifetime());
        this.courses = courses;
        this.retailers = SandboxPlaces.retailers(settings.retailers());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
        } catch (Problem problem) {
            problem.send(exchange, json);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            throw Problem.of(404, "Not Found", "Aucune ressource a " + exchange.getRequestURI().getPath());
        }
        String resource = path.group(1);
        String id = path.group(2);
        String allowed = resource.equals("oauth") ? (id == null ? "POST" : null)
                : resource.equals("course") ? (id == null ? "GET, POST" : "GET, PUT, DELETE")
                : "GET";
        if (allowed == null) {
            throw Problem.of(404, "Not Found", "Aucune ressource a " + exchange.getRequestURI().getPath());
        }
        if (!List.of(allowed.split(", ")).contains(method)) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw Problem.of(405, "Method Not Allowed", "La methode " + method + " n'est pas disponible sur /" + resource
                    + (id == null ? "" : "/:id"));
        }
        if (resource.equals("oauth")) {
            token(exchange);
            return;
        }
        authenticate(exchange);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        switch (resource + ":" + method + (id == null ? "" : ":id")) {
            case "course:GET" -> send(exchange, 200, page("course", courses.list(query.get("etat"), clock.instant()).stream()
                    .map(course -> courses.member(course, clock.instant())).toList(), query));
            case "course:POST" -> create(exchange);
            case "course:GET:id" -> send(exchange, 200, courses.member(course(id), clock.instant()));
            case "course:PUT:id" -> update(exchange, course(id));
            case "course:DELETE:id" -> cancel(exchange, course(id));
            case "retailer:GET" -> send(exchange, 200, page("retailer", retailers.stream().map(this::member).toList(), query));
            case "retailer:GET:id" -> send(exchange, 200, member(retailer(id)));
            default -> throw new IllegalStateException("no answer for " + method + " /" + resource);
        }
    }

    /** The client-credentials grant of the seed: a JSON body (or the usual form) with the client's id and secret. */
    private void token(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        String grant = body.path("grant_type").asText(null);
        if (grant == null || grant.isBlank()) {
            throw Problem.of(400, "invalid_request", "The grant type was not specified in the request");
        }
        if (!grant.equals("client_credentials")) {
            throw Problem.of(400, "unsupported_grant_type", "Grant type \"" + grant + "\" not supported");
        }
        if (!settings.clientId().equals(body.path("client_id").asText(null))
                || !settings.clientSecret().equals(body.path("client_secret").asText(null))) {
            throw Problem.of(401, "invalid_client", "The client credentials are invalid");
        }
        ObjectNode token = json.createObjectNode();
        token.put("access_token", tokens.issue());
        token.put("expires_in", tokens.lifetimeSeconds());
        token.put("token_type", "Bearer");
        token.putNull("scope");
        send(exchange, 200, token);
    }

    private void authenticate(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        String refusal = tokens.refusal(token);
        if (refusal != null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"Service\", error=\"invalid_token\"");
            throw Problem.of(401, "Unauthorized", token == null ? "Authentification requise (Authorization: Bearer <token>)" : refusal);
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        ObjectNode body = body(exchange);
        Map<String, Map<String, String>> violations = CourseRules.violations(body, true, clock.instant());
        SandboxPlaces.Retailer retailer = null;
        if (!violations.containsKey("retailer_id")) {
            int retailerId = body.get("retailer_id").asInt();
            retailer = retailers.stream().filter(r -> r.id() == retailerId).findFirst().orElse(null);
            if (retailer == null) {
                violations.put("retailer_id", Map.of("recordFound", "Aucun retailer " + retailerId));
            }
        }
        if (!violations.isEmpty()) {
            throw Problem.invalid(violations);
        }
        if (!retailer.userId().equals(SandboxPlaces.OWN_ACCOUNT)) {
            throw Problem.of(403, "Forbidden", "Le retailer " + retailer.id() + " n'est pas rattache a votre compte");
        }
        SandboxCourse course = courses.create(retailer, body, clock.instant());
        exchange.getResponseHeaders().set("Location", "/course/" + course.id);
        send(exchange, 201, courses.member(course, clock.instant()));
    }

    private void update(HttpExchange exchange, SandboxCourse course) throws IOException {
        ObjectNode body = body(exchange);
        Map<String, Map<String, String>> violations = CourseRules.violations(body, false, clock.instant());
        if (!violations.isEmpty()) {
            throw Problem.invalid(violations);
        }
        ObjectNode merged = course.fields().deepCopy();
        body.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("retailer_id")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        refusedAs400(() -> course.update(merged, clock.instant()));
        send(exchange, 201, courses.member(course, clock.instant()));
    }

    private void cancel(HttpExchange exchange, SandboxCourse course) throws IOException {
        refusedAs400(() -> course.cancel(clock.instant()));
        send(exchange, 204, null);
    }

    private static void refusedAs400(Runnable change) {
        try {
            change.run();
        } catch (SandboxCourse.CourseRefused refused) {
            throw Problem.of(400, "Bad Request", refused.getMessage());
        }
    }

    private ObjectNode body(HttpExchange exchange) throws IOException {
        try {
            return RequestBodies.read(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestBody().readAllBytes(), json);
        } catch (IllegalArgumentException e) {
            throw Problem.of(400, "Bad Request", e.getMessage());
        }
    }

    private SandboxCourse course(String id) {
        return courses.find(id).orElseThrow(() -> Problem.of(404, "Not Found", "La course " + id + " n'existe pas"));
    }

    private SandboxPlaces.Retailer retailer(String id) {
        return retailers.stream().filter(r -> String.valueOf(r.id()).equals(id)).findFirst()
                .orElseThrow(() -> Problem.of(404, "Not Found", "Le retailer " + id + " n'existe pas"));
    }

    /** A page of a collection with the seed's pagination fields; page, per_page, order_by and order as the seed names them. */
    private ObjectNode page(String name, List<ObjectNode> members, Map<String, String> query) {
        int perPage = number(query, "per_page", PAGE_SIZE);
        int page = number(query, "page", 1);
        if (perPage < 1 || perPage > 100 || page < 1) {
            throw Problem.of(400, "Bad Request", "page doit etre >= 1 et per_page entre 1 et 100");
        }
        String orderBy = query.getOrDefault("order_by", query.getOrDefault("sort", "id"));
        String order = query.getOrDefault("order", "ASC").toUpperCase(java.util.Locale.ROOT);
        if (!ORDER_BY.contains(orderBy) && !name.equals("retailer") || !order.equals("ASC") && !order.equals("DESC")) {
            throw Problem.of(400, "Bad Request", "order_by parmi " + ORDER_BY + ", order ASC ou DESC");
        }
        Comparator<ObjectNode> comparator = Comparator.comparing(member -> sortKey(member.path(orderBy)));
        List<ObjectNode> sorted = members.stream().sorted(order.equals("DESC") ? comparator.reversed() : comparator).toList();
        int pageCount = Math.max(1, (sorted.size() + perPage - 1) / perPage);
        List<ObjectNode> returned = sorted.subList(Math.min(sorted.size(), (page - 1) * perPage), Math.min(sorted.size(), page * perPage));
        ObjectNode answer = json.createObjectNode();
        answer.put("num_found", sorted.size());
        answer.put("num_returned", returned.size());
        answer.put("pageCount", pageCount);
        answer.put("itemCountPerPage", perPage);
        answer.put("first", 1);
        answer.put("current", page);
        answer.put("last", pageCount);
        if (page < pageCount) {
            answer.put("next", page + 1);
        }
        ArrayNode list = answer.putArray(name);
        returned.forEach(list::add);
        return answer;
    }

    /** Numbers sort as numbers (ids are strings, as in the seed), the rest as text. */
    private static String sortKey(JsonNode value) {
        String text = value.asText("");
        return text.matches("\\d{1,9}") ? "%09d".formatted(Integer.parseInt(text)) : text;
    }

    private ObjectNode member(SandboxPlaces.Retailer retailer) {
        ObjectNode member = json.createObjectNode();
        member.put("id", String.valueOf(retailer.id()));
        member.put("nom", retailer.nom());
        member.put("prenom", retailer.prenom());
        member.put("societe", retailer.societe());
        member.put("email", retailer.email());
        member.put("mobile", retailer.mobile());
        member.put("adresse", retailer.adresse());
        member.put("latitude", retailer.latitude());
        member.put("longitude", retailer.longitude());
        member.putNull("ville_id");
        member.put("photo", retailer.photo());
        member.put("user_id", retailer.userId());
        member.put("password", "");
        member.put("created", "0000-00-00 00:00:00");
        member.putObject("_links").putObject("self").put("href", "http://api.drivoo.com/retailer/" + retailer.id());
        return member;
    }

    private static int number(Map<String, String> query, String name, int otherwise) {
        String value = query.get(name);
        if (value == null) {
            return otherwise;
        }
        if (!value.matches("\\d{1,6}")) {
            throw Problem.of(400, "Bad Request", name + " doit etre un entier: " + value);
        }
        return Integer.parseInt(value);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                query.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void writeFailure(HttpExchange exchange, int status) throws IOException {
        Problem.of(status, Problem.title(status), "Erreur simulee par le bac a sable").send(exchange, json);
    }

    @Override
    public void reset() {
        tokens.reset();
        courses.reset();
    }

    @Override
    public Map<String, Supplier<Object>> views() {
        return Map.of(
                "courses", () -> courses.list(null, clock.instant()).stream().map(course -> courses.member(course, clock.instant())).toList(),
                "tokens", tokens::view);
    }

    @Override
    public Map<String, Function<Map<String, String>, Object>> actions() {
        return Map.of(
                "revoke-tokens", parameters -> {
                    tokens.revokeAll();
                    return null;
                },
                "token-lifetime", parameters -> {
                    tokens.lifetime(Duration.ofSeconds(Long.parseLong(required(parameters, "seconds"))));
                    return tokens.view();
                },
                "return", parameters -> {
                    SandboxCourse course = courses.find(required(parameters, "course"))
                            .orElseThrow(() -> new IllegalArgumentException("no course " + parameters.get("course")));
                    course.returnParcel(clock.instant());
                    return courses.member(course, clock.instant());
                });
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the query parameter " + name + " is required");
        }
        return value;
    }
}

package io.carrierhub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What an operator's script does over HTTP: actuator calls with or without the console's credentials. */
public class ConsoleClient {

    static final String USER = "ops";
    static final String PASSWORD = "test-console-password";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public ConsoleClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        return send(request(path, user, password).GET());
    }

    public HttpResponse<String> post(String path, String json, String user, String password) throws IOException, InterruptedException {
        return send(request(path, user, password).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, USER, PASSWORD);
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, USER, PASSWORD);
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (user != null) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + credentials);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

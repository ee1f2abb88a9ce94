package io.carrierhub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A hub in a JVM of its own, started from the test's class path as {@code java io.carrierhub.HubApplication} would run
 * it, so that it can be killed as a crash kills it (SIGKILL). Its output goes to {@code <directory>/hub.log}.
 */
final class HubProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private HubProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the hub on HTTP port {@code port}, with these environment variables and arguments; does not wait. */
    static HubProcess start(String name, Path directory, int port, Map<String, String> environment, List<String> arguments)
            throws IOException {
        Files.createDirectories(directory);
        Path log = directory.resolve("hub.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small and quick to start: two of them share the test machine's cores
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), HubApplication.class.getName(),
                "--server.port=" + port, "--hub.data-dir=" + directory.resolve("data"),
                // /actuator/health/readiness: UP once the application has started, routes and poll scheduler included
                "--management.endpoint.health.probes.enabled=true"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new HubProcess(name, builder.start(), port, log);
    }

    /** Waits until the hub is ready; fails with the end of its log if it died or took longer than {@code limit}. */
    void awaitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (get("/actuator/health/readiness").contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready after " + limit + ":\n" + logTail());
    }

    String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    HttpResponse<String> post(String path, Map<String, String> headers, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of a Prometheus counter over the series whose labels include all of {@code labels} ({@code name="value"}). */
    double counter(String metric, String... labels) throws IOException, InterruptedException {
        double sum = 0;
        for (String line : get("/actuator/prometheus").split("\n")) {
            if (line.startsWith(metric + "{") && List.of(labels).stream().allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** SIGKILL: no shutdown hook, no in-flight work finished, nothing acknowledged or committed any more. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits up to {@code limit} for the hub to exit by itself: its exit code, or none while it still runs. */
    OptionalInt awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** SIGTERM, as a service manager stops the hub; whether it exited within {@code limit}. */
    boolean stop(Duration limit) throws InterruptedException {
        process.destroy();
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    String logTail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

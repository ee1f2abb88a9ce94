package io.carrierhub.carrier.auth;

import io.carrierhub.carrier.CarrierAuth;
import io.carrierhub.error.CarrierResponseClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * GET requests the hub makes to a carrier outside its lane (lookups, status polls), with the carrier's auth: a 401
 * renews credentials that can be renewed and the request is made once more, as on the lane. Any other failure is
 * classified as the lane's answers are ({@link CarrierResponseClassifier}); no answer at all is an
 * {@link UncheckedIOException}.
 */
public final class AuthorizedReads {

    private final String carrier;
    private final CarrierAuth auth;
    private final HttpClient http;
    private final Duration timeout;
    private final CarrierResponseClassifier classifier;

    public AuthorizedReads(String carrier, CarrierAuth auth, HttpClient http, Duration timeout, CarrierResponseClassifier classifier) {
        this.carrier = carrier;
        this.auth = auth;
        this.http = http;
        this.timeout = timeout;
        this.classifier = classifier;
    }

    /** The body of a 2xx answer. */
    public byte[] get(URI uri) {
        HttpResponse<byte[]> answer = send(uri);
        check(answer);
        return answer.body();
    }

    /** The body of a 2xx answer, or empty for a 404 (the resource is not, or no longer, there). */
    public Optional<byte[]> find(URI uri) {
        HttpResponse<byte[]> answer = send(uri);
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        check(answer);
        return Optional.of(answer.body());
    }

    private HttpResponse<byte[]> send(URI uri) {
        HttpResponse<byte[]> answer = once(uri);
        if (answer.statusCode() == 401 && auth.renew()) {
            answer = once(uri);
        }
        return answer;
    }

    private void check(HttpResponse<byte[]> answer) {
        classifier.check(carrier, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8),
                answer.headers().firstValue("Retry-After").orElse(null), null);
    }

    private HttpResponse<byte[]> once(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        auth.headers().forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(carrier + " did not answer GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading from " + carrier, e);
        }
    }
}

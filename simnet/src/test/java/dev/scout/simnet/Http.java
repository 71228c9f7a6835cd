package dev.scout.simnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A tiny loopback HTTP client for the simulator tests. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A received response. */
    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private Http() {
    }

    public static Reply get(String url) {
        return get(url, Optional.empty());
    }

    /** A GET that sends {@code If-None-Match} when given. */
    public static Reply get(String url, Optional<String> ifNoneMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
            ifNoneMatch.ifPresent(tag -> request.header("If-None-Match", tag));
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + url, e);
        }
    }

    /** The URL of {@code rel="next"} in a Link header, if any. */
    public static Optional<String> next(Reply r) {
        return r.header("Link").flatMap(link -> {
            for (String part : link.split(",\\s*(?=<)")) {
                if (part.contains("rel=\"next\"")) {
                    return Optional.of(part.substring(part.indexOf('<') + 1, part.indexOf('>')));
                }
            }
            return Optional.empty();
        });
    }
}

package dev.scout.crawler.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * TEST ONLY: a VCR cassette (YAML), as other projects record a real server's answers: VCR.py's layout
 * ({@code interactions}, {@code status.code}) or R vcr's ({@code http_interactions}, {@code status} a number). It is
 * read as it was recorded; nothing in it is changed, so a conformance test sees exactly what the server sent.
 */
public final class RecordedCassette {
    /**
     * One recorded GET: where it went, the status the server gave, its headers (names lower-cased, repeated values
     * joined by ", ") and the body it sent, verbatim.
     */
    public record Exchange(URI uri, int status, String body, Map<String, String> headers) {
        public Exchange {
            headers = Map.copyOf(headers);
        }

        /** The recorded response header {@code name}, whatever case the recorder wrote it in. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final List<Exchange> gets;

    private RecordedCassette(Path file, List<Exchange> gets) {
        this.file = file;
        this.gets = gets;
    }

    public static RecordedCassette load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cassette " + file, e);
        }
        List<Exchange> gets = new ArrayList<>();
        JsonNode interactions = root.has("interactions") ? root.get("interactions") : root.path("http_interactions");
        for (JsonNode i : interactions) {
            if ("GET".equalsIgnoreCase(i.path("request").path("method").asText())) {
                JsonNode res = i.path("response");
                JsonNode status = res.path("status");
                gets.add(new Exchange(URI.create(i.path("request").path("uri").asText()),
                        status.isNumber() ? status.asInt() : status.path("code").asInt(),
                        res.path("body").path("string").asText(), headers(res.path("headers"))));
            }
        }
        return new RecordedCassette(file, List.copyOf(gets));
    }

    /** VCR.py writes each header as a list of values, R vcr as one string. */
    private static Map<String, String> headers(JsonNode recorded) {
        Map<String, String> out = new HashMap<>();
        recorded.fields().forEachRemaining(h -> {
            List<String> values = new ArrayList<>();
            if (h.getValue().isArray()) {
                h.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(h.getValue().asText());
            }
            out.put(h.getKey().toLowerCase(Locale.ROOT), String.join(", ", values));
        });
        return out;
    }

    /** The first GET whose path and query (as recorded, still encoded) are exactly {@code pathAndQuery}. */
    public Exchange get(String pathAndQuery) {
        return gets.stream()
                .filter(e -> pathAndQuery.equals(e.uri().getRawPath()
                        + (e.uri().getRawQuery() == null ? "" : "?" + e.uri().getRawQuery())))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " recorded no GET " + pathAndQuery));
    }
}

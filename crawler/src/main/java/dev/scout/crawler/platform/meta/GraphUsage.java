package dev.scout.crawler.platform.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * What one Meta Graph response said about our usage (reference §1.7): {@code X-App-Usage}
 * ({@code {"call_count":28,"total_time":25,"total_cputime":25}}, whole-number percentages of the rolling hour) and
 * {@code X-Business-Use-Case-Usage} (JSON keyed by business id, each an array of objects with the same three
 * percentages plus {@code estimated_time_to_regain_access} in minutes). Headers are untrusted: anything malformed
 * reads as absent. Immutable.
 *
 * @param percent        the highest of every percentage in both headers; empty when neither header was readable
 * @param regainAccessIn the longest {@code estimated_time_to_regain_access}; zero when none was given
 */
public record GraphUsage(OptionalInt percent, Duration regainAccessIn) {
    public static final String APP_USAGE = "X-App-Usage";
    public static final String BUSINESS_USAGE = "X-Business-Use-Case-Usage";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Nothing above a day is believed: no Meta window is longer. */
    private static final long MAX_REGAIN_MINUTES = 24 * 60;
    private static final String[] FIELDS = {"call_count", "total_time", "total_cputime"};

    public static final GraphUsage NONE = new GraphUsage(OptionalInt.empty(), Duration.ZERO);

    /** @param header looks a response header up case-insensitively */
    public static GraphUsage parse(Function<String, Optional<String>> header) {
        int[] max = {-1};
        long[] regain = {0};
        header.apply(APP_USAGE).flatMap(GraphUsage::json).ifPresent(app -> readEntry(app, max, regain));
        header.apply(BUSINESS_USAGE).flatMap(GraphUsage::json).filter(JsonNode::isObject).ifPresent(buc ->
                buc.elements().forEachRemaining(entries -> {
                    if (entries.isArray()) {
                        entries.forEach(e -> readEntry(e, max, regain));
                    } else {
                        readEntry(entries, max, regain);
                    }
                }));
        return new GraphUsage(max[0] < 0 ? OptionalInt.empty() : OptionalInt.of(max[0]), Duration.ofMinutes(regain[0]));
    }

    private static void readEntry(JsonNode entry, int[] max, long[] regain) {
        if (!entry.isObject()) {
            return;
        }
        for (String f : FIELDS) {
            JsonNode v = entry.get(f);
            if (v != null && v.isNumber() && v.asDouble() >= 0 && v.asDouble() <= 10_000) {
                max[0] = Math.max(max[0], (int) Math.ceil(v.asDouble()));
            }
        }
        JsonNode eta = entry.get("estimated_time_to_regain_access");
        if (eta != null && eta.isIntegralNumber() && eta.asLong() > 0) {
            regain[0] = Math.max(regain[0], Math.min(eta.asLong(), MAX_REGAIN_MINUTES));
        }
    }

    private static Optional<JsonNode> json(String value) {
        try {
            JsonNode n = MAPPER.readTree(value);
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (IOException e) {
            // A garbled header says nothing about usage; the next response will tell.
            return Optional.empty();
        }
    }
}

package dev.scout.scorer.internal.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scout.model.Platform;
import dev.scout.scorer.internal.tier.FollowerBand;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped per-platform, per-band engagement benchmarks ({@code dev/scout/scorer/benchmarks.json}, figures in
 * percent with their sources). Immutable and thread-safe once loaded.
 */
public final class BenchmarkTable {

    public static final String RESOURCE = "/dev/scout/scorer/benchmarks.json";

    private final Map<Platform, Map<String, BandBenchmark>> byPlatform;

    private BenchmarkTable(Map<Platform, Map<String, BandBenchmark>> byPlatform) {
        this.byPlatform = byPlatform;
    }

    /** Loads the shipped table; a missing or malformed resource is a packaging bug and throws. */
    public static BenchmarkTable load() {
        try (InputStream in = BenchmarkTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the scorer jar");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static BenchmarkTable parse(JsonNode root) {
        Map<Platform, Map<String, BandBenchmark>> result = new EnumMap<>(Platform.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("tables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> table = it.next();
            JsonNode t = table.getValue();
            Map<String, BandBenchmark> bands = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> b = t.path("bands").fields(); b.hasNext(); ) {
                Map.Entry<String, JsonNode> band = b.next();
                JsonNode v = band.getValue();
                bands.put(band.getKey(), new BandBenchmark(t.path("label").asText(table.getKey()), band.getKey(),
                        required(v, "low", table.getKey(), band.getKey()),
                        required(v, "avgLow", table.getKey(), band.getKey()),
                        required(v, "avgHigh", table.getKey(), band.getKey()),
                        required(v, "high", table.getKey(), band.getKey()),
                        v.path("estimated").asBoolean(false), t.path("source").asText("")));
            }
            for (JsonNode platform : t.path("appliesTo")) {
                result.put(Platform.fromKey(platform.asText()), Map.copyOf(bands));
            }
        }
        for (Platform p : Platform.values()) {
            if (!result.containsKey(p)) {
                throw new IllegalStateException(RESOURCE + ": no benchmark table applies to platform " + p.key());
            }
        }
        return new BenchmarkTable(result);
    }

    private static double required(JsonNode v, String field, String table, String band) {
        JsonNode n = v.get(field);
        if (n == null || !n.isNumber()) {
            throw new IllegalStateException(RESOURCE + ": tables." + table + ".bands." + band + "." + field
                    + " must be a number");
        }
        return n.decimalValue().movePointLeft(2).doubleValue(); // percent → fraction without binary drift
    }

    /**
     * The benchmark for a platform and band. Profiles below 1,000 followers have no published band; they are graded
     * against the 1k-5k band (the caller notes it).
     */
    public Optional<BandBenchmark> find(Platform platform, FollowerBand band) {
        FollowerBand key = band == FollowerBand.BELOW_1K ? FollowerBand.B1K_5K : band;
        return Optional.ofNullable(byPlatform.get(platform).get(key.key()));
    }
}

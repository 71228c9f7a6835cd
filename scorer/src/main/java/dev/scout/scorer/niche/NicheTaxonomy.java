package dev.scout.scorer.niche;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shipped niche taxonomy ({@code dev/scout/scorer/taxonomy.json}): about 35 influencer niches, each tied to an
 * IAB Tech Lab Content Taxonomy 3.1 node (CC BY 3.0, attribution in the file) with Scout's own keyword and hashtag
 * lists. Immutable and thread-safe.
 */
public final class NicheTaxonomy {

    public static final String RESOURCE = "/dev/scout/scorer/taxonomy.json";
    public static final String ATTRIBUTION = "Niche labels from the IAB Tech Lab Content Taxonomy 3.1, CC BY 3.0";

    private final List<NicheDefinition> niches;

    public NicheTaxonomy(List<NicheDefinition> niches) {
        this.niches = List.copyOf(niches);
    }

    /** Loads the shipped taxonomy; a missing or malformed resource is a packaging bug and throws. */
    public static NicheTaxonomy load() {
        try (InputStream in = NicheTaxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the scorer jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<NicheDefinition> list = new ArrayList<>();
            for (JsonNode n : root.path("niches")) {
                list.add(new NicheDefinition(text(n, "id"), text(n, "name"), n.path("iab").path("id").asText(""),
                        n.path("iab").path("path").asText(""), strings(n.path("keywords")),
                        strings(n.path("hashtags"))));
            }
            if (list.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " defines no niches");
            }
            return new NicheTaxonomy(list);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String text(JsonNode n, String field) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": a niche has no '" + field + "'");
        }
        return v;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    public List<NicheDefinition> niches() {
        return niches;
    }

    /** The niche whose id or name equals {@code idOrName}, ignoring case. */
    public Optional<NicheDefinition> find(String idOrName) {
        String key = idOrName.strip().toLowerCase(Locale.ROOT);
        return niches.stream()
                .filter(n -> n.id().equals(key) || n.name().toLowerCase(Locale.ROOT).equals(key))
                .findFirst();
    }
}

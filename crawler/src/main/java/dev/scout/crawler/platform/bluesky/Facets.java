package dev.scout.crawler.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.platform.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bluesky rich-text facets (reference §2.4). Indices are UTF-8 <em>byte</em> offsets (start inclusive, end exclusive),
 * so an emoji before a facet shifts it by four bytes, not two chars: slices are cut from the UTF-8 bytes, never with
 * {@code String.substring}. Facets out of range or overlapping an earlier one are dropped, as the spec asks. Stateless.
 */
final class Facets {
    static final String MENTION = "app.bsky.richtext.facet#mention";
    static final String LINK = "app.bsky.richtext.facet#link";
    static final String TAG = "app.bsky.richtext.facet#tag";

    /** One feature of a valid facet: its {@code $type}, its value (did, uri or tag) and the text it covers. */
    record Feature(String type, String value, String covered) {
    }

    private Facets() {
    }

    static List<Feature> features(String text, List<JsonNode> facets) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<JsonNode> sorted = new ArrayList<>(facets);
        sorted.sort(Comparator.comparingLong(f -> Json.count(f.get("index"), "byteStart").orElse(Long.MAX_VALUE)));
        List<Feature> out = new ArrayList<>();
        long lastEnd = -1;
        for (JsonNode facet : sorted) {
            JsonNode index = facet.get("index");
            long start = Json.count(index, "byteStart").orElse(-1);
            long end = Json.count(index, "byteEnd").orElse(-1);
            if (start < 0 || end <= start || end > bytes.length || start < lastEnd) {
                continue;
            }
            lastEnd = end;
            String covered = new String(bytes, (int) start, (int) (end - start), StandardCharsets.UTF_8);
            for (JsonNode feature : Json.array(facet, "features")) {
                String type = Json.textOr(feature, "$type", "");
                String value = switch (type) {
                    case MENTION -> Json.textOr(feature, "did", "");
                    case LINK -> Json.textOr(feature, "uri", "");
                    case TAG -> Json.textOr(feature, "tag", "");
                    default -> "";
                };
                if (!value.isBlank()) {
                    out.add(new Feature(type, value, covered));
                }
            }
        }
        return out;
    }
}

package dev.scout.crawler.platform.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * schema.org {@code InteractionCounter}s by action (reference §4.2): the interaction type may be a full URL
 * ({@code https://schema.org/FollowAction}), a prefixed or bare name, or an object with {@code @type}; the count a
 * number or a numeric string with separators. Negative or non-numeric counts are dropped. Immutable.
 */
final class InteractionCounts {
    private final Map<String, Long> byAction;

    private InteractionCounts(Map<String, Long> byAction) {
        this.byAction = Map.copyOf(byAction);
    }

    /** Reads a counter object or an array of them; anything else gives no counts. */
    static InteractionCounts of(JsonNode stats) {
        Map<String, Long> out = new HashMap<>();
        if (stats == null || stats.isNull()) {
            return new InteractionCounts(out);
        }
        Iterable<JsonNode> counters = stats.isArray() ? stats : java.util.List.of(stats);
        for (JsonNode c : counters) {
            if (!c.isObject()) {
                continue;
            }
            String action = actionName(c.get("interactionType"));
            OptionalLong count = count(c.get("userInteractionCount"));
            if (!action.isEmpty() && count.isPresent()) {
                out.merge(action, count.getAsLong(), Long::sum);
            }
        }
        return new InteractionCounts(out);
    }

    static InteractionCounts of(Map<String, Long> counts) {
        return new InteractionCounts(counts);
    }

    OptionalLong get(String action) {
        Long v = byAction.get(action.toLowerCase(Locale.ROOT));
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** {@code FollowAction} from any of the accepted spellings, lower case; empty when unrecognisable. */
    static String actionName(JsonNode type) {
        if (type == null || type.isNull()) {
            return "";
        }
        String raw = type.isObject() ? (type.has("@type") ? type.get("@type").asText("") : "") : type.asText("");
        return lastSegment(raw);
    }

    static String lastSegment(String raw) {
        String s = raw.strip();
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'));
        return s.substring(cut + 1).toLowerCase(Locale.ROOT);
    }

    /** A non-negative count from a number or a string such as {@code "1,843"} or {@code "12 500"}. */
    static OptionalLong count(JsonNode v) {
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong() < 0 ? OptionalLong.empty() : OptionalLong.of(v.asLong());
        }
        if (v.isTextual()) {
            return count(v.asText());
        }
        return OptionalLong.empty();
    }

    static OptionalLong count(String text) {
        String digits = text.strip().replaceAll("[,\\s\\u00a0\\u202f]", "");
        return digits.matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(digits)) : OptionalLong.empty();
    }
}

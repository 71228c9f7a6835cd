package dev.scout.crawler.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Tolerant readers for platform JSON: every key may be absent or null, counts may be numbers or numeric strings
 * (YouTube), and a wrong type reads as absent rather than throwing. Stateless.
 */
public final class Json {
    /**
     * ISO date-time whose offset has no colon ({@code 2026-11-20T10:00:00+0000}), as the Meta Graph API writes
     * {@code timestamp}; {@link OffsetDateTime#parse} refuses it.
     */
    private static final DateTimeFormatter COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHmm", "+0000")
            .toFormatter();

    private Json() {
    }

    /** The text of {@code field}, empty when absent, null or not a string/number. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || !(v.isTextual() || v.isNumber() || v.isBoolean())) {
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    /** Like {@link #text} but blank strings read as empty. */
    public static Optional<String> nonBlank(JsonNode node, String field) {
        return text(node, field).filter(s -> !s.isBlank());
    }

    public static String textOr(JsonNode node, String field, String fallback) {
        return text(node, field).orElse(fallback);
    }

    /**
     * A non-negative integer count given as a JSON number or a numeric string ({@code "48700"}); empty when absent,
     * null, negative or not numeric.
     */
    public static OptionalLong count(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            long l = v.asLong();
            return l < 0 ? OptionalLong.empty() : OptionalLong.of(l);
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (s.matches("\\d{1,18}")) {
                return OptionalLong.of(Long.parseLong(s));
            }
        }
        return OptionalLong.empty();
    }

    public static long countOr0(JsonNode node, String field) {
        return count(node, field).orElse(0L);
    }

    /** True only when the field is the JSON literal {@code true} (or the string "true"). */
    public static boolean isTrue(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && (v.isBoolean() ? v.asBoolean() : v.isTextual() && v.asText().equalsIgnoreCase("true"));
    }

    /** True only when the field is the JSON literal {@code false}; absent or null is not false. */
    public static boolean isFalse(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isBoolean() && !v.asBoolean();
    }

    /**
     * An RFC 3339 datetime ({@code Z} or an offset, any number of fraction digits; a colon-less {@code +0000} offset
     * too); empty when absent or unparsable.
     */
    public static Optional<Instant> instant(JsonNode node, String field) {
        return text(node, field).flatMap(Json::parseInstant);
    }

    /** RFC 3339, or the same with a colon-less offset ({@code +0000}, Meta Graph); empty when neither parses. */
    public static Optional<Instant> parseInstant(String s) {
        String v = s.strip();
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(v, COMPACT_OFFSET).toInstant());
            } catch (DateTimeParseException notCompactEither) {
                return Optional.empty();
            }
        }
    }

    /** The elements of an array field; empty when absent or not an array. */
    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    /** The object at {@code field}, empty when absent, null or not an object. */
    public static Optional<JsonNode> object(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isObject() ? Optional.of(v) : Optional.empty();
    }
}

package dev.scout.crawler.internal.politeness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads Meta's usage headers (Graph API, Instagram, Threads): {@code X-App-Usage}
 * ({@code {"call_count":28,"total_time":25,"total_cputime":25}}, whole-number percentages of the app's rolling-hour
 * budget) and {@code X-Business-Use-Case-Usage} ({@code {"<id>":[{"type":"instagram","call_count":…,
 * "estimated_time_to_regain_access":<minutes>}]}}). Any platform adapter gets usage pacing for free: the fetcher
 * reads these from every response of a host. Stateless; malformed values yield empty.
 */
public final class UsageHeaders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PERCENT_FIELDS = List.of("call_count", "total_time", "total_cputime",
            "acc_id_util_pct");
    /** Header values longer than this are not parsed (the BUC header holds at most 32 objects). */
    private static final int MAX_LENGTH = 16_384;

    private UsageHeaders() {
    }

    /** The highest usage over both headers, or empty when neither is present and readable. */
    public static Optional<UsageReport> parse(Function<String, Optional<String>> header) {
        Optional<UsageReport> app = header.apply("X-App-Usage").flatMap(UsageHeaders::json)
                .map(node -> report(List.of(node)));
        Optional<UsageReport> buc = header.apply("X-Business-Use-Case-Usage").flatMap(UsageHeaders::json)
                .map(UsageHeaders::businessObjects);
        if (app.isEmpty()) {
            return buc;
        }
        if (buc.isEmpty()) {
            return app;
        }
        UsageReport a = app.get();
        UsageReport b = buc.get();
        return Optional.of(new UsageReport(Math.max(a.percent(), b.percent()),
                b.regainAccess().or(a::regainAccess)));
    }

    private static Optional<JsonNode> json(String value) {
        if (value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static UsageReport businessObjects(JsonNode root) {
        List<JsonNode> entries = new java.util.ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            JsonNode value = fields.next().getValue();
            if (value.isArray()) {
                value.forEach(entries::add);
            } else if (value.isObject()) {
                entries.add(value);
            }
        }
        return report(entries);
    }

    private static UsageReport report(List<JsonNode> objects) {
        int percent = 0;
        long regainMinutes = 0;
        for (JsonNode o : objects) {
            for (String field : PERCENT_FIELDS) {
                JsonNode v = o.get(field);
                if (v != null && v.isNumber()) {
                    percent = Math.max(percent, (int) Math.min(1000, Math.max(0, v.asDouble())));
                }
            }
            JsonNode regain = o.get("estimated_time_to_regain_access");
            if (regain != null && regain.isNumber()) {
                regainMinutes = Math.max(regainMinutes, Math.min(24 * 60, Math.max(0, regain.asLong())));
            }
        }
        return new UsageReport(percent, regainMinutes > 0 ? Optional.of(Duration.ofMinutes(regainMinutes))
                : Optional.empty());
    }
}

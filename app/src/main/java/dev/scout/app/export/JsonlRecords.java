package dev.scout.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.scout.model.Account;
import dev.scout.scorer.ScoredProfile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds the JSONL object for one verdict: the CSV columns as typed top-level fields (numbers as numbers, lists as
 * arrays, unknown as {@code null}, no spreadsheet guard), then the nested evidence sections with snake_case names
 * derived from the scorer's record components. Field names are documented in {@code docs/CRM.md}. Thread-safe.
 */
public final class JsonlRecords {

    /** Nested sections after the top-level columns, in output order. */
    public static final List<String> SECTIONS = List.of("account", "engagement", "niche", "sponsorship",
            "authenticity", "cost", "components", "gates", "metric_definitions");

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /** The mapper used for nested sections, shared so callers can serialise the result consistently. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The full JSON object for {@code profile} in {@code run}. */
    public ObjectNode toJson(ScoredProfile profile, RunInfo run) {
        ObjectNode out = mapper.createObjectNode();
        for (ColumnSpec column : Columns.ALL) {
            out.set(column.name(), typed(column.value(profile, run)));
        }
        out.set("account", account(profile.account()));
        out.set("engagement", mapper.valueToTree(profile.engagement()));
        out.set("niche", mapper.valueToTree(profile.niche()));
        out.set("sponsorship", mapper.valueToTree(profile.sponsorship()));
        out.set("authenticity", mapper.valueToTree(profile.authenticity()));
        out.set("cost", mapper.valueToTree(profile.cost()));
        out.set("components", mapper.valueToTree(profile.components()));
        out.set("gates", mapper.valueToTree(profile.gates()));
        // Definitions travel with every row so two runs (or two tools) can be compared number by number.
        out.set("metric_definitions", mapper.valueToTree(profile.metricDefinitions()));
        return out;
    }

    /** Profile facts that are not already top-level columns. */
    private ObjectNode account(Account a) {
        ObjectNode node = mapper.createObjectNode();
        if (a.bioUnknown()) {
            node.putNull("bio"); // as score --input reads it: the bio is not known, not empty
        } else {
            node.put("bio", a.bio());
        }
        node.set("labels", mapper.valueToTree(a.labels()));
        node.set("posts_count", a.postsCount().isPresent() ? mapper.getNodeFactory().numberNode(a.postsCount().getAsLong())
                : mapper.getNodeFactory().nullNode());
        node.set("created_at", typed(a.createdAt()));
        node.put("has_avatar", a.hasAvatar());
        node.put("bot", a.bot());
        return node;
    }

    private JsonNode typed(Optional<?> value) {
        if (value.isEmpty()) {
            return mapper.getNodeFactory().nullNode();
        }
        Object v = value.get();
        if (v instanceof Instant instant) {
            return mapper.getNodeFactory().textNode(instant.toString());
        }
        if (v instanceof List<?> list) {
            ArrayNode array = mapper.createArrayNode();
            list.forEach(item -> array.add(String.valueOf(item)));
            return array;
        }
        return mapper.valueToTree(v);
    }
}

package dev.scout.crawler.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scout.crawler.platform.Json;
import dev.scout.model.Post;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a schema.org {@code ProfilePage}/{@code Person} from a page's JSON-LD (reference §4.1–4.2), leniently: real
 * emitters ship trailing commas and comments; blocks may be objects, arrays or {@code @graph}s; {@code mainEntity} may
 * be inline or an {@code @id} reference; counters come in several spellings. Unparsable blocks are skipped. Stateless.
 */
final class JsonLdProfile {
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private JsonLdProfile() {
    }

    static Optional<PageProfile> read(Document doc) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                flatten(LENIENT.readTree(script.data()), nodes);
            } catch (JsonProcessingException e) {
                // Broken blocks are common on real sites; the other blocks and the fallbacks still apply.
                continue;
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode n : nodes) {
            Json.nonBlank(n, "@id").ifPresent(id -> byId.putIfAbsent(id, n));
        }
        Optional<JsonNode> page = nodes.stream().filter(n -> hasType(n, "profilepage")).findFirst();
        Optional<JsonNode> person = page.flatMap(p -> resolve(p.get("mainEntity"), byId))
                .or(() -> nodes.stream().filter(n -> (hasType(n, "person") || hasType(n, "organization"))
                        && (n.has("interactionStatistic") || n.has("mainEntityOfPage"))).findFirst())
                .or(() -> nodes.stream().filter(n -> hasType(n, "person")).findFirst());
        return person.map(p -> toProfile(p, page, byId));
    }

    private static PageProfile toProfile(JsonNode person, Optional<JsonNode> page, Map<String, JsonNode> byId) {
        InteractionCounts about = InteractionCounts.of(person.get("interactionStatistic"));
        InteractionCounts own = InteractionCounts.of(person.get("agentInteractionStatistic"));
        OptionalLong posts = own.get("writeaction");
        if (posts.isEmpty()) {
            posts = about.get("writeaction"); // misplaced by some emitters
        }
        List<Post> recent = new ArrayList<>();
        JsonNode parts = page.map(p -> p.get("hasPart")).filter(h -> h != null && !h.isNull()).orElse(person.get("hasPart"));
        if (parts != null) {
            for (JsonNode part : parts.isArray() ? parts : List.of(parts)) {
                resolve(part, byId).flatMap(JsonLdProfile::toPost).ifPresent(recent::add);
            }
        }
        String name = Json.nonBlank(person, "name").or(() -> Json.nonBlank(person, "alternateName")).orElse("");
        return new PageProfile("json-ld", plain(name), Json.nonBlank(person, "alternateName").map(JsonLdProfile::plain),
                plain(Json.textOr(person, "description", "")), image(person.get("image")),
                first(person.get("sameAs")), Json.nonBlank(person, "url").or(() -> page.flatMap(p -> Json.nonBlank(p, "url"))),
                about.get("followaction"), own.get("followaction"), posts,
                page.flatMap(p -> date(p, "dateCreated")).or(() -> date(person, "dateCreated")), recent, false);
    }

    private static Optional<Post> toPost(JsonNode part) {
        Optional<Instant> at = date(part, "datePublished").or(() -> date(part, "dateCreated"));
        String id = Json.nonBlank(part, "@id").or(() -> Json.nonBlank(part, "url")).orElse("");
        if (at.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        InteractionCounts stats = InteractionCounts.of(part.get("interactionStatistic"));
        String text = Json.nonBlank(part, "articleBody").or(() -> Json.nonBlank(part, "text"))
                .or(() -> Json.nonBlank(part, "headline")).orElse("");
        Post.Builder b = Post.builder(id, at.get()).url(Json.textOr(part, "url", "")).text(plain(text))
                .likes(stats.get("likeaction").orElse(0)).replies(stats.get("commentaction").orElse(0))
                .shares(stats.get("shareaction").orElse(0));
        stats.get("watchaction").ifPresent(b::views);
        return Optional.of(b.build());
    }

    /** Objects, arrays and {@code @graph}s flattened into one node list (nested nodes with an {@code @id} too). */
    private static void flatten(JsonNode n, List<JsonNode> out) {
        if (n == null) {
            return;
        }
        if (n.isArray()) {
            n.forEach(c -> flatten(c, out));
        } else if (n.isObject()) {
            out.add(n);
            flatten(n.get("@graph"), out);
            n.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("@graph") && e.getValue().isObject() && e.getValue().has("@id")
                        && e.getValue().size() > 1) {
                    out.add(e.getValue());
                }
            });
        }
    }

    private static Optional<JsonNode> resolve(JsonNode n, Map<String, JsonNode> byId) {
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isArray()) {
            return n.isEmpty() ? Optional.empty() : resolve(n.get(0), byId);
        }
        if (n.isTextual()) {
            return Optional.ofNullable(byId.get(n.asText()));
        }
        if (n.isObject() && n.size() == 1 && n.has("@id")) {
            return Optional.ofNullable(byId.get(n.get("@id").asText()));
        }
        return n.isObject() ? Optional.of(n) : Optional.empty();
    }

    private static boolean hasType(JsonNode n, String type) {
        JsonNode t = n.get("@type");
        if (t == null) {
            return false;
        }
        for (JsonNode v : t.isArray() ? t : List.of(t)) {
            if (v.isTextual() && InteractionCounts.lastSegment(v.asText()).equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> image(JsonNode image) {
        if (image == null || image.isNull()) {
            return Optional.empty();
        }
        JsonNode first = image.isArray() ? (image.isEmpty() ? null : image.get(0)) : image;
        if (first == null) {
            return Optional.empty();
        }
        return first.isTextual() ? Optional.of(first.asText()).filter(s -> !s.isBlank())
                : Json.nonBlank(first, "url").or(() -> Json.nonBlank(first, "contentUrl"));
    }

    private static Optional<String> first(JsonNode v) {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        JsonNode f = v.isArray() ? (v.isEmpty() ? null : v.get(0)) : v;
        return f != null && f.isTextual() && !f.asText().isBlank() ? Optional.of(f.asText()) : Optional.empty();
    }

    /** A datetime, or a bare date read as midnight UTC. */
    private static Optional<Instant> date(JsonNode n, String field) {
        return Json.text(n, field).flatMap(s -> Json.parseInstant(s).or(() -> {
            try {
                return Optional.of(LocalDate.parse(s.strip()).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }));
    }

    /** Markup inside JSON-LD strings is text to us, never HTML to keep. */
    private static String plain(String s) {
        return s.indexOf('<') < 0 ? s.strip() : Jsoup.parse(s).text();
    }
}

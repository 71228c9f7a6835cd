package dev.scout.app.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.model.Account;
import dev.scout.model.HistoryPoint;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.model.SeedParser;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Maps one JSON object of the documented input schema ({@code docs/INPUT.md}) to a {@link ProfileSnapshot}.
 * Unknown fields are ignored (exports from other tools carry extras); a present but malformed field throws
 * {@link InvalidProfileLineException} naming its JSON path. Thread-safe.
 */
final class ProfileJsonMapper {

    private final SeedParser seeds = new SeedParser();
    private final Instant defaultCrawledAt;

    ProfileJsonMapper(Instant defaultCrawledAt) {
        this.defaultCrawledAt = defaultCrawledAt;
    }

    ProfileSnapshot map(JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidProfileLineException("", "not a JSON object");
        }
        ProfileRef ref = ref(root, "");
        Account account = account(root, ref, "");
        Instant crawledAt = instant(root, "crawled_at", "").orElse(defaultCrawledAt);
        List<Post> posts = new ArrayList<>();
        JsonNode postsNode = array(root, "posts", "");
        for (int i = 0; i < postsNode.size(); i++) {
            posts.add(post(postsNode.get(i), "posts[" + i + "]"));
        }
        Optional<List<Account>> sample = Optional.empty();
        if (present(root, "follower_sample")) {
            JsonNode s = array(root, "follower_sample", "");
            List<Account> accounts = new ArrayList<>(s.size());
            for (int i = 0; i < s.size(); i++) {
                String path = "follower_sample[" + i + "]";
                JsonNode f = object(s.get(i), path);
                boolean named = present(f, "id") || present(f, "handle");
                ProfileRef fr = named ? ref(f, path + ".", ref.platform())
                        : new ProfileRef(ref.platform(), "follower-" + i);
                // A made-up id is no user name: its digits must not count as the account's.
                accounts.add(account(f, fr, path + ".", named ? fr.value() : ""));
            }
            sample = Optional.of(accounts);
        }
        List<HistoryPoint> history = new ArrayList<>();
        JsonNode h = array(root, "history", "");
        for (int i = 0; i < h.size(); i++) {
            String path = "history[" + i + "]";
            JsonNode p = object(h.get(i), path);
            history.add(new HistoryPoint(instant(p, "observed_at", path + ".")
                    .orElseThrow(() -> new InvalidProfileLineException(path + ".observed_at", "is required")),
                    count(p, "followers", path + ".").orElseThrow(() ->
                            new InvalidProfileLineException(path + ".followers", "is required")),
                    fraction(p, "engagement_rate", path + ".")));
        }
        return new ProfileSnapshot(account, posts, sample, history, crawledAt);
    }

    /** Platforms read only from exports, whose ids are user names: {@code instagram:name}, {@code x:name}, … */
    private static final java.util.Set<Platform> EXPORT_ONLY = java.util.EnumSet.of(Platform.INSTAGRAM,
            Platform.THREADS, Platform.TIKTOK, Platform.X, Platform.TWITCH);

    private ProfileRef ref(JsonNode node, String prefix) {
        return ref(node, prefix, null);
    }

    private ProfileRef ref(JsonNode node, String prefix, Platform defaultPlatform) {
        Optional<String> id = text(node, "id", prefix);
        try {
            if (id.isPresent()) {
                ProfileRef parsed = ProfileRef.parseId(id.get());
                // Export-only platforms: the user name is checked and folded to lower case (twitter:Name is x:name).
                return EXPORT_ONLY.contains(parsed.platform()) ? seeds.parse(parsed.platform().key() + ":"
                        + parsed.value()) : parsed;
            }
            Optional<String> handle = text(node, "handle", prefix);
            Optional<String> platform = text(node, "platform", prefix);
            if (handle.isEmpty()) {
                throw new InvalidProfileLineException(prefix + "id", "is required (or give platform and handle)");
            }
            String key = platform.orElse(defaultPlatform == null ? "" : defaultPlatform.key());
            if (key.isEmpty()) {
                throw new InvalidProfileLineException(prefix + "platform", "is required when there is no id");
            }
            Platform p = Platform.fromKey(key);
            return seeds.parse(p == Platform.WEB ? handle.get() : p.key() + ":" + handle.get());
        } catch (IllegalArgumentException e) { // InvalidSeedException, unknown platform, bad id
            throw new InvalidProfileLineException(prefix + (id.isPresent() ? "id" : "handle"), e.getMessage());
        }
    }

    private Account account(JsonNode n, ProfileRef ref, String prefix) {
        return account(n, ref, prefix, ref.value());
    }

    private Account account(JsonNode n, ProfileRef ref, String prefix, String defaultHandle) {
        Account.Builder b = Account.builder(ref)
                .handle(text(n, "handle", prefix).orElse(defaultHandle))
                .displayName(text(n, "display_name", prefix).orElse(""))
                .bio(text(n, "bio", prefix).orElse(""))
                // "bio": null says the source does not know the bio; a missing or "" bio is an empty one.
                .bioUnknown(n.has("bio") && n.get("bio").isNull())
                .profileUrl(text(n, "profile_url", prefix).orElse(""))
                .website(text(n, "website", prefix).orElse(null))
                .hasAvatar(bool(n, "has_avatar", prefix).orElse(true))
                .bot(bool(n, "bot", prefix).orElse(false))
                .labels(strings(n, "labels", prefix));
        count(n, "followers", prefix).ifPresent(b::followers);
        count(n, "following", prefix).ifPresent(b::following);
        count(n, "posts_count", prefix).ifPresent(b::postsCount);
        instant(n, "created_at", prefix).ifPresent(b::createdAt);
        return b.build();
    }

    private Post post(JsonNode raw, String path) {
        JsonNode n = object(raw, path);
        String prefix = path + ".";
        Post.Builder b = Post.builder(text(n, "id", prefix)
                        .orElseThrow(() -> new InvalidProfileLineException(prefix + "id", "is required")),
                instant(n, "created_at", prefix)
                        .orElseThrow(() -> new InvalidProfileLineException(prefix + "created_at", "is required")))
                .url(text(n, "url", prefix).orElse(""))
                .text(text(n, "text", prefix).orElse(""))
                .hashtags(strings(n, "hashtags", prefix))
                .mentions(strings(n, "mentions", prefix))
                .links(strings(n, "links", prefix))
                .likes(count(n, "likes", prefix).orElse(0))
                .replies(count(n, "replies", prefix).orElse(0))
                .shares(count(n, "shares", prefix).orElse(0))
                .repost(bool(n, "repost", prefix).orElse(false))
                .reply(bool(n, "reply", prefix).orElse(false))
                .pinned(bool(n, "pinned", prefix).orElse(false))
                .platformLabels(strings(n, "labels", prefix));
        count(n, "views", prefix).ifPresent(b::views);
        return b.build();
    }

    private static boolean present(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && !v.isNull();
    }

    private static JsonNode object(JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            throw new InvalidProfileLineException(path, "must be a JSON object");
        }
        return n;
    }

    private static JsonNode array(JsonNode n, String field, String prefix) {
        if (!present(n, field)) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        JsonNode v = n.get(field);
        if (!v.isArray()) {
            throw new InvalidProfileLineException(prefix + field, "must be an array (got " + kind(v) + ")");
        }
        return v;
    }

    private static Optional<String> text(JsonNode n, String field, String prefix) {
        if (!present(n, field)) {
            return Optional.empty();
        }
        JsonNode v = n.get(field);
        if (!v.isTextual()) {
            throw new InvalidProfileLineException(prefix + field, "must be a string (got " + kind(v) + ")");
        }
        return Optional.of(v.asText());
    }

    private static Optional<Boolean> bool(JsonNode n, String field, String prefix) {
        if (!present(n, field)) {
            return Optional.empty();
        }
        JsonNode v = n.get(field);
        if (!v.isBoolean()) {
            throw new InvalidProfileLineException(prefix + field, "must be true or false (got " + kind(v) + ")");
        }
        return Optional.of(v.booleanValue());
    }

    /** A whole number >= 0, given as a JSON number or a string of digits (some exports quote numbers). */
    private static OptionalLong count(JsonNode n, String field, String prefix) {
        if (!present(n, field)) {
            return OptionalLong.empty();
        }
        JsonNode v = n.get(field);
        String rule = "must be a whole number >= 0 (got " + shortText(v) + ")";
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
            return OptionalLong.of(v.longValue());
        }
        if (v.isTextual() && v.asText().matches("\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(v.asText()));
        }
        throw new InvalidProfileLineException(prefix + field, rule);
    }

    private static OptionalDouble fraction(JsonNode n, String field, String prefix) {
        if (!present(n, field)) {
            return OptionalDouble.empty();
        }
        JsonNode v = n.get(field);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
            throw new InvalidProfileLineException(prefix + field, "must be a number >= 0 (got " + shortText(v) + ")");
        }
        return OptionalDouble.of(v.doubleValue());
    }

    private static Optional<Instant> instant(JsonNode n, String field, String prefix) {
        Optional<String> s = text(n, field, prefix);
        try {
            return s.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidProfileLineException(prefix + field,
                    "not an ISO-8601 instant such as 2026-11-20T12:00:00Z (got '" + abbreviate(s.get()) + "')");
        }
    }

    private static List<String> strings(JsonNode n, String field, String prefix) {
        JsonNode a = array(n, field, prefix);
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) {
                throw new InvalidProfileLineException(prefix + field + "[" + i + "]", "must be a string (got "
                        + kind(a.get(i)) + ")");
            }
            out.add(a.get(i).asText());
        }
        return out;
    }

    private static String kind(JsonNode v) {
        return v.isObject() ? "an object" : v.isArray() ? "an array" : v.isTextual() ? "a string"
                : v.isNumber() ? "a number" : v.isBoolean() ? "a boolean" : v.getNodeType().toString().toLowerCase();
    }

    private static String shortText(JsonNode v) {
        return abbreviate(v.toString());
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}

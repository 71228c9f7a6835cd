package dev.scout.crawler.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.platform.Json;
import dev.scout.crawler.platform.Sighting;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps Mastodon Status JSON (reference §1.4) to {@link Post}. A boost wrapper ({@code reblog} non-null) is never a
 * post of the booster: its inner status is credited to the original author. Stateless.
 */
final class MastodonStatuses {
    private MastodonStatuses() {
    }

    /** A status mapped to a post, empty when it lacks the keys every status has ({@code id}, {@code created_at}). */
    static Optional<Post> toPost(JsonNode status, String servingDomain) {
        Optional<String> id = Json.nonBlank(status, "id");
        Optional<Instant> createdAt = Json.instant(status, "created_at");
        if (id.isEmpty() || createdAt.isEmpty()) {
            return Optional.empty();
        }
        String html = Json.textOr(status, "content", "");
        String spoiler = Json.textOr(status, "spoiler_text", "");
        String text = MastodonHtml.text(html);
        if (!spoiler.isBlank()) {
            text = spoiler.strip() + "\n\n" + text;
        }
        LinkedHashSet<String> links = new LinkedHashSet<>(MastodonHtml.links(html));
        Json.object(status, "card").flatMap(c -> Json.nonBlank(c, "url")).ifPresent(links::add);

        String authorId = Json.object(status, "account").flatMap(a -> Json.text(a, "id")).orElse("");
        Optional<String> replyTo = Json.nonBlank(status, "in_reply_to_id");
        Optional<String> replyToAccount = Json.nonBlank(status, "in_reply_to_account_id");
        boolean replyToOther = replyTo.isPresent() && !replyToAccount.map(authorId::equals).orElse(false);

        return Optional.of(Post.builder(id.get(), createdAt.get())
                .url(Json.nonBlank(status, "url").or(() -> Json.nonBlank(status, "uri")).orElse(""))
                .text(text)
                .hashtags(hashtags(status))
                .mentions(mentions(status, servingDomain).stream().map(ProfileRef::value).toList())
                .links(List.copyOf(links))
                .likes(Json.countOr0(status, "favourites_count"))
                .replies(Json.countOr0(status, "replies_count"))
                .shares(Json.countOr0(status, "reblogs_count") + Json.countOr0(status, "quotes_count"))
                .reply(replyToOther)
                .pinned(Json.isTrue(status, "pinned"))
                .build());
    }

    /** The boosted status of a boost wrapper, if this is one. */
    static Optional<JsonNode> reblogOf(JsonNode status) {
        return Json.object(status, "reblog");
    }

    /** Accounts this status mentions, as {@code user@domain} references. */
    static List<ProfileRef> mentions(JsonNode status, String servingDomain) {
        List<ProfileRef> out = new ArrayList<>();
        for (JsonNode m : Json.array(status, "mentions")) {
            // An invalid acct (a server may send anything) is not a mention of anyone: ignored.
            Json.nonBlank(m, "acct").flatMap(a -> Acct.parse(a, servingDomain))
                    .filter(r -> !out.contains(r)).ifPresent(out::add);
        }
        return out;
    }

    /** Sightings of the accounts mentioned in {@code post}. */
    static List<Sighting> mentionSightings(JsonNode status, Post post, String servingDomain) {
        return mentions(status, servingDomain).stream().map(r -> new Sighting(r, "mention", post)).toList();
    }

    private static List<String> hashtags(JsonNode status) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (JsonNode t : Json.array(status, "tags")) {
            Json.nonBlank(t, "name").map(n -> n.toLowerCase(Locale.ROOT)).ifPresent(tags::add);
        }
        return List.copyOf(tags);
    }
}

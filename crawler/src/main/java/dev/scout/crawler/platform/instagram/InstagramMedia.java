package dev.scout.crawler.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.platform.Json;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps a Business Discovery answer (reference §1.3, §1.9) to the shared model. Stateless.
 *
 * <p>Instagram exposes no branded-content or "Paid partnership" flag through this API, so posts never carry
 * {@link Post#LABEL_PAID_PROMOTION}: sponsorship is judged from caption text ({@code #ad}, "paid partnership" wording,
 * {@code @brand} tags, affiliate codes), as on every other platform.
 */
final class InstagramMedia {
    /** Fields asked of the profile; {@code name} and {@code follows_count} are not marked Public and may be absent. */
    static final String PROFILE_FIELDS = "username,name,biography,website,followers_count,follows_count,media_count";
    /** Fields asked of each media object; {@code like_count} is omitted when the owner hides likes. */
    static final String MEDIA_FIELDS = "id,caption,like_count,comments_count,timestamp,media_type,media_product_type,"
            + "permalink,view_count";

    private InstagramMedia() {
    }

    static Account toAccount(JsonNode bd, ProfileRef asked) {
        String username = Json.nonBlank(bd, "username").map(u -> u.toLowerCase(Locale.ROOT)).orElse(asked.value());
        ProfileRef ref = new ProfileRef(Platform.INSTAGRAM, username);
        Account.Builder b = Account.builder(ref)
                .handle(username)
                .displayName(Json.textOr(bd, "name", ""))
                .bio(Json.textOr(bd, "biography", ""))
                .profileUrl("https://www.instagram.com/" + username + "/")
                .website(Json.nonBlank(bd, "website").orElse(null));
        Json.count(bd, "followers_count").ifPresent(b::followers);
        Json.count(bd, "follows_count").ifPresent(b::following);
        Json.count(bd, "media_count").ifPresent(b::postsCount);
        return b.build();
    }

    /** The media page's posts (entries without an id or a readable timestamp are dropped), newest first as served. */
    static List<Post> posts(JsonNode mediaEdge) {
        List<Post> out = new ArrayList<>();
        for (JsonNode m : Json.array(mediaEdge, "data")) {
            toPost(m).ifPresent(out::add);
        }
        return out;
    }

    /** The {@code after} cursor of a media page; empty when there is no further page. */
    static Optional<String> afterCursor(JsonNode mediaEdge, int served, int asked) {
        // Business Discovery paging has cursors but no next URL (reference §1.4); a short page is the last one.
        if (served < asked) {
            return Optional.empty();
        }
        return Json.object(mediaEdge, "paging").flatMap(p -> Json.object(p, "cursors"))
                .flatMap(c -> Json.nonBlank(c, "after"));
    }

    static Optional<Post> toPost(JsonNode m) {
        Optional<String> id = Json.nonBlank(m, "id");
        var at = Json.instant(m, "timestamp");
        if (id.isEmpty() || at.isEmpty()) {
            return Optional.empty();
        }
        String caption = Json.textOr(m, "caption", "");
        Post.Builder b = Post.builder(id.get(), at.get())
                .url(Json.textOr(m, "permalink", ""))
                .text(caption)
                .hashtags(CaptionText.hashtags(caption))
                .mentions(CaptionText.mentions(caption))
                .links(CaptionText.links(caption))
                .replies(Json.countOr0(m, "comments_count"));
        var likes = Json.count(m, "like_count");
        if (likes.isPresent()) {
            b.likes(likes.getAsLong());
        } else {
            b.platformLabels(List.of(Post.LABEL_LIKES_HIDDEN));
        }
        // Reels views, paid + organic (reference §1.3); the scorer measures Instagram against followers.
        Json.count(m, "view_count").ifPresent(b::views);
        return Optional.of(b.build());
    }
}

package dev.scout.crawler.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.platform.Json;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps Bluesky profile views (reference §2.3) to {@link Account}; stable id is the DID. Stateless. */
final class BlueskyProfiles {
    static final String NO_UNAUTHENTICATED = "!no-unauthenticated";
    static final String BOT = "bot";

    private BlueskyProfiles() {
    }

    static Optional<ProfileRef> ref(JsonNode view) {
        return Json.nonBlank(view, "did").map(did -> new ProfileRef(Platform.BLUESKY, did));
    }

    /** Label values in force (negated labels removed). */
    static List<String> labels(JsonNode view) {
        List<String> vals = new ArrayList<>();
        List<String> negated = new ArrayList<>();
        for (JsonNode l : Json.array(view, "labels")) {
            Json.nonBlank(l, "val").ifPresent(v -> (Json.isTrue(l, "neg") ? negated : vals).add(v));
        }
        vals.removeAll(negated);
        return vals.stream().distinct().toList();
    }

    static Optional<String> optOutReason(JsonNode view) {
        List<String> labels = labels(view);
        if (labels.contains(NO_UNAUTHENTICATED)) {
            return Optional.of("asked not to be shown to logged-out viewers (!no-unauthenticated)");
        }
        if (labels.contains(BOT)) {
            return Optional.of("labelled as a bot");
        }
        return Optional.empty();
    }

    /** Maps a profile view; views without counts (followers lists) give empty counts, not zeros. */
    static Account toAccount(JsonNode view, ProfileRef ref) {
        String handle = Json.nonBlank(view, "handle").orElse(ref.value());
        List<String> labels = labels(view);
        Account.Builder b = Account.builder(ref)
                .handle(handle)
                .displayName(Json.textOr(view, "displayName", ""))
                .bio(Json.textOr(view, "description", ""))
                .profileUrl("https://bsky.app/profile/" + (handle.equals("handle.invalid") ? ref.value() : handle))
                .hasAvatar(Json.nonBlank(view, "avatar").isPresent())
                .bot(labels.contains(BOT))
                .labels(labels);
        Json.nonBlank(view, "website").ifPresent(b::website);
        Json.count(view, "followersCount").ifPresent(b::followers);
        Json.count(view, "followsCount").ifPresent(b::following);
        Json.count(view, "postsCount").ifPresent(b::postsCount);
        Json.instant(view, "createdAt").ifPresent(b::createdAt);
        return b.build();
    }
}

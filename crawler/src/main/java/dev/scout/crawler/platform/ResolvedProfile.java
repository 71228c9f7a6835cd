package dev.scout.crawler.platform;

import dev.scout.model.Account;
import dev.scout.model.Post;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A looked-up profile plus what its adapter needs to read more of it.
 *
 * @param account       the normalised profile
 * @param nativeId      the platform's own id for follow-up calls (Mastodon account id, Bluesky DID, YouTube uploads
 *                      playlist id, web page URL)
 * @param apiBase       base URL of the server that answers for this profile (its Mastodon home instance, the Bluesky
 *                      AppView, the YouTube API, the page itself)
 * @param embeddedPosts posts that came with the profile itself (web pages with {@code hasPart}); empty elsewhere
 */
public record ResolvedProfile(Account account, String nativeId, URI apiBase, List<Post> embeddedPosts) {
    public ResolvedProfile {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(nativeId, "nativeId");
        Objects.requireNonNull(apiBase, "apiBase");
        embeddedPosts = embeddedPosts == null ? List.of() : List.copyOf(embeddedPosts);
    }

    public ResolvedProfile(Account account, String nativeId, URI apiBase) {
        this(account, nativeId, apiBase, List.of());
    }
}

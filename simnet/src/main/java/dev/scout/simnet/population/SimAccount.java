package dev.scout.simnet.population;

import dev.scout.model.Platform;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One generated account on one platform, with its public profile and its latent truth.
 *
 * @param index        position in {@link Population#accounts()}; stable for a seed
 * @param personId     the same person's accounts on several platforms share it
 * @param platform     where the account lives
 * @param username     Mastodon username, Bluesky handle ({@code name.sky.example}) or web page slug
 * @param domain       Mastodon handle domain ({@code fika.example}); {@code sky.example} or {@code web} otherwise
 * @param did          Bluesky DID; empty on other platforms
 * @param kind         role in the population
 * @param displayName  display name; may hold hostile text on purpose
 * @param bio          bio as plain text; may hold hostile text on purpose
 * @param website      a website shown on the profile (Mastodon field, Bluesky website)
 * @param followers    displayed follower count (inflated for bought followers)
 * @param following    accounts followed
 * @param createdAt    account creation, midnight UTC
 * @param hasAvatar    false when the default avatar is shown
 * @param latent       hidden truth
 * @param flags        platform flags
 */
public record SimAccount(
        int index,
        int personId,
        Platform platform,
        String username,
        String domain,
        Optional<String> did,
        AccountKind kind,
        String displayName,
        String bio,
        Optional<String> website,
        long followers,
        long following,
        Instant createdAt,
        boolean hasAvatar,
        Latent latent,
        Flags flags) {

    public SimAccount {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(bio, "bio");
        Objects.requireNonNull(website, "website");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(latent, "latent");
        Objects.requireNonNull(flags, "flags");
    }

    /** {@code user@domain} for Mastodon, the handle for Bluesky, the slug for web pages. */
    public String handle() {
        return platform == Platform.MASTODON ? username + "@" + domain : username;
    }

    /**
     * The stable profile id Scout would assign ({@code mastodon:user@host}, {@code bluesky:<did>},
     * {@code web:<url>}); web ids include the page URL, so the web base URL must be given.
     */
    public String stableId(String webBaseUrl) {
        return switch (platform) {
            case MASTODON -> "mastodon:" + handle();
            case BLUESKY -> "bluesky:" + did.orElseThrow();
            case WEB -> "web:" + webBaseUrl + "/u/" + username;
            case INSTAGRAM -> "instagram:" + username;
            case THREADS -> "threads:" + username;
            default -> throw new IllegalStateException("the simulated network has no " + platform.key() + " accounts");
        };
    }
}

package dev.scout.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Profile-level facts about one account, normalised across platforms (reference §7b).
 *
 * <p>Counts are optional because platforms hide or omit them (a hidden YouTube subscriber count, a Bluesky
 * follower-list entry without counts). Text fields are plain text (HTML already stripped) and never null; they
 * are hostile input and must be escaped by whoever renders them.
 *
 * @param ref          the canonical reference; {@code ref.id()} is the stable id
 * @param handle       what a person types to find the account ({@code user@host}, {@code name.bsky.social}, {@code @handle})
 * @param displayName  display name, may be empty
 * @param bio          bio as plain text, may be empty
 * @param profileUrl   public web page of the profile, may be empty when unknown
 * @param website      a website the profile links to (Mastodon verified field, Bluesky website, JSON-LD sameAs)
 * @param followers    followers / subscribers
 * @param following    accounts followed; empty where the platform has no such notion (YouTube)
 * @param postsCount   total posts / statuses / videos
 * @param createdAt    account creation time (Mastodon clamps it to midnight)
 * @param hasAvatar    false when the platform reports its default avatar
 * @param bot          the platform marks the account as automated
 * @param labels       platform flags that matter for eligibility, e.g. {@code locked}, {@code noindex}, {@code moved}
 * @param bioUnknown   the source does not say what the bio is (a labelled data set that publishes no bio): then
 *                     {@code bio} is empty, and an empty bio is not evidence of anything
 */
public record Account(
        ProfileRef ref,
        String handle,
        String displayName,
        String bio,
        String profileUrl,
        Optional<String> website,
        OptionalLong followers,
        OptionalLong following,
        OptionalLong postsCount,
        Optional<Instant> createdAt,
        boolean hasAvatar,
        boolean bot,
        List<String> labels,
        boolean bioUnknown) {

    public Account {
        Objects.requireNonNull(ref, "ref");
        handle = handle == null ? ref.value() : handle;
        displayName = displayName == null ? "" : displayName;
        bio = bio == null ? "" : bio;
        profileUrl = profileUrl == null ? "" : profileUrl;
        website = website == null ? Optional.empty() : website;
        followers = followers == null ? OptionalLong.empty() : followers;
        following = following == null ? OptionalLong.empty() : following;
        postsCount = postsCount == null ? OptionalLong.empty() : postsCount;
        createdAt = createdAt == null ? Optional.empty() : createdAt;
        labels = labels == null ? List.of() : List.copyOf(labels);
        bio = bioUnknown ? "" : bio;
    }

    /** An account whose bio is known (possibly empty). */
    public Account(ProfileRef ref, String handle, String displayName, String bio, String profileUrl,
                   Optional<String> website, OptionalLong followers, OptionalLong following, OptionalLong postsCount,
                   Optional<Instant> createdAt, boolean hasAvatar, boolean bot, List<String> labels) {
        this(ref, handle, displayName, bio, profileUrl, website, followers, following, postsCount, createdAt,
                hasAvatar, bot, labels, false);
    }

    /** The stable id ({@code mastodon:user@host}). */
    public String id() {
        return ref.id();
    }

    public Platform platform() {
        return ref.platform();
    }

    /** A builder for the many optional fields; adapters and tests use it instead of the long constructor. */
    public static Builder builder(ProfileRef ref) {
        return new Builder(ref);
    }

    /** Mutable, single-use builder; not thread-safe. */
    public static final class Builder {
        private final ProfileRef ref;
        private String handle;
        private String displayName = "";
        private String bio = "";
        private String profileUrl = "";
        private Optional<String> website = Optional.empty();
        private OptionalLong followers = OptionalLong.empty();
        private OptionalLong following = OptionalLong.empty();
        private OptionalLong postsCount = OptionalLong.empty();
        private Optional<Instant> createdAt = Optional.empty();
        private boolean hasAvatar = true;
        private boolean bot;
        private List<String> labels = List.of();
        private boolean bioUnknown;

        private Builder(ProfileRef ref) {
            this.ref = ref;
        }

        public Builder handle(String v) { this.handle = v; return this; }
        public Builder displayName(String v) { this.displayName = v; return this; }
        public Builder bio(String v) { this.bio = v; return this; }
        public Builder profileUrl(String v) { this.profileUrl = v; return this; }
        public Builder website(String v) { this.website = Optional.ofNullable(v).filter(s -> !s.isBlank()); return this; }
        public Builder followers(long v) { this.followers = OptionalLong.of(v); return this; }
        public Builder following(long v) { this.following = OptionalLong.of(v); return this; }
        public Builder postsCount(long v) { this.postsCount = OptionalLong.of(v); return this; }
        public Builder createdAt(Instant v) { this.createdAt = Optional.ofNullable(v); return this; }
        public Builder hasAvatar(boolean v) { this.hasAvatar = v; return this; }
        public Builder bot(boolean v) { this.bot = v; return this; }
        public Builder labels(List<String> v) { this.labels = v; return this; }
        public Builder bioUnknown(boolean v) { this.bioUnknown = v; return this; }

        public Account build() {
            return new Account(ref, handle, displayName, bio, profileUrl, website, followers, following, postsCount,
                    createdAt, hasAvatar, bot, labels, bioUnknown);
        }
    }
}

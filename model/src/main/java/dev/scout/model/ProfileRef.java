package dev.scout.model;

import java.util.Objects;

/**
 * A reference to a profile on one platform, before or after it has been fetched.
 *
 * <p>{@code value} is platform-specific and canonical: {@code user@host} for Mastodon (lower-case host),
 * a handle or DID for Bluesky, a channel id ({@code UC…}) or {@code @handle} for YouTube, an absolute URL for
 * web pages. {@link #id()} is the stable id used in every output ({@code mastodon:user@host}).
 * Parse what a user typed with {@link SeedParser}.
 */
public record ProfileRef(Platform platform, String value) implements Comparable<ProfileRef> {

    public ProfileRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("profile reference value must not be blank");
        }
    }

    public static ProfileRef mastodon(String user, String host) {
        return new ProfileRef(Platform.MASTODON, user + "@" + host.toLowerCase(java.util.Locale.ROOT));
    }

    /** The stable id, {@code platform:value}. */
    public String id() {
        return platform.key() + ":" + value;
    }

    /** Parses an id produced by {@link #id()}; throws {@link IllegalArgumentException} when it has no known platform prefix. */
    public static ProfileRef parseId(String id) {
        int colon = id.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a profile id (expected platform:value): " + id);
        }
        return new ProfileRef(Platform.fromKey(id.substring(0, colon)), id.substring(colon + 1));
    }

    /** For Mastodon references: the host part of {@code user@host}. */
    public String mastodonHost() {
        int at = value.lastIndexOf('@');
        return at < 0 ? "" : value.substring(at + 1);
    }

    /** For Mastodon references: the user part of {@code user@host}. */
    public String mastodonUser() {
        int at = value.lastIndexOf('@');
        return at < 0 ? value : value.substring(0, at);
    }

    @Override
    public int compareTo(ProfileRef o) {
        return id().compareTo(o.id());
    }

    @Override
    public String toString() {
        return id();
    }
}

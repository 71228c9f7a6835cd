package dev.scout.crawler.platform;

import dev.scout.model.ProfileRef;

import java.util.Objects;
import java.util.Optional;

/** How the lookup of one profile reference ended. */
public sealed interface ProfileLookup {

    /** The reference that was asked for (a handle seed may resolve to a different canonical id). */
    ProfileRef ref();

    /** The profile exists and may be crawled. */
    record Found(ProfileRef ref, ResolvedProfile profile) implements ProfileLookup {
        public Found {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(profile, "profile");
        }
    }

    /**
     * The profile exists but must not be scored: opted out of indexing, locked, a bot, suspended, moved. {@code movedTo}
     * names the new account when it moved, so discovery can follow it.
     */
    record Skipped(ProfileRef ref, String reason, Optional<ProfileRef> movedTo) implements ProfileLookup {
        public Skipped {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(reason, "reason");
            movedTo = movedTo == null ? Optional.empty() : movedTo;
        }

        public Skipped(ProfileRef ref, String reason) {
            this(ref, reason, Optional.empty());
        }
    }

    /** The platform does not know the profile (404, unknown id, dropped from a batch). */
    record Missing(ProfileRef ref, String reason) implements ProfileLookup {
    }

    /** The lookup failed; the exception says whether a retry may help. */
    record Failed(ProfileRef ref, PlatformException error) implements ProfileLookup {
    }
}

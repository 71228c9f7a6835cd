package dev.scout.simnet.population;

import java.util.Optional;

/**
 * Platform flags that make an account ineligible or change how the API shows it.
 *
 * @param bot                marked automated by the platform
 * @param locked             approves followers manually (treated as private)
 * @param suspended          suspended by moderators (API shows zero counts)
 * @param movedTo            index of the account it migrated to
 * @param noindex            opted out of search-engine indexing (Mastodon {@code noindex}, web meta robots)
 * @param indexable          Mastodon {@code indexable}; false = opted out of indexing
 * @param discoverable       listed in the profile directory
 * @param legacyFormat       served as an older Mastodon server would: newer optional keys absent
 * @param noUnauthenticated  Bluesky {@code !no-unauthenticated} self-label
 */
public record Flags(
        boolean bot,
        boolean locked,
        boolean suspended,
        Optional<Integer> movedTo,
        boolean noindex,
        boolean indexable,
        boolean discoverable,
        boolean legacyFormat,
        boolean noUnauthenticated) {

    /** An ordinary, fully visible account. */
    public static Flags ordinary() {
        return new Flags(false, false, false, Optional.empty(), false, true, true, false, false);
    }

    /** True when the account asked not to be indexed or is not an active public profile. */
    public boolean optedOutOrGone() {
        return locked || suspended || movedTo.isPresent() || noindex || !indexable || noUnauthenticated;
    }
}

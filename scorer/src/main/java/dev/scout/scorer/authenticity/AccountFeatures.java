package dev.scout.scorer.authenticity;

import dev.scout.model.Account;
import dev.scout.model.Platform;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Profile-level features of one account (cheap, read from the profile alone; Cresci et al. 2015's "Class A").
 * Missing counts stay empty; a rule over a missing count does not fire either way.
 *
 * @param followers      followers, if known
 * @param following      accounts followed, if known
 * @param posts          total posts, if known
 * @param bioEmpty       no bio text (false when the bio is unknown)
 * @param noAvatar       the platform's default avatar
 * @param usernameDigits digits in the user name (the part before any {@code @host}; on Bluesky, before the first dot)
 * @param usernameLength characters in that user name; 0 when the user name is unknown
 * @param ageDays        account age in days at {@code now}, if the creation date is known
 * @param bot            the platform marks the account as automated
 * @param bioUnknown     the source does not say what the bio is: neither "empty bio" nor "has a bio"
 * @param platform       the account's platform, when known (the classifier has a per-platform term)
 */
public record AccountFeatures(OptionalLong followers, OptionalLong following, OptionalLong posts, boolean bioEmpty,
                              boolean noAvatar, int usernameDigits, int usernameLength, OptionalLong ageDays,
                              boolean bot, boolean bioUnknown, Optional<Platform> platform) {

    public AccountFeatures {
        platform = platform == null ? Optional.empty() : platform;
    }

    /** Features of an account whose bio is known, platform unknown. */
    public AccountFeatures(OptionalLong followers, OptionalLong following, OptionalLong posts, boolean bioEmpty,
                           boolean noAvatar, int usernameDigits, int usernameLength, OptionalLong ageDays,
                           boolean bot) {
        this(followers, following, posts, bioEmpty, noAvatar, usernameDigits, usernameLength, ageDays, bot, false,
                Optional.empty());
    }

    /** Reads the features of {@code account} as of {@code now} (the snapshot's crawl time). */
    public static AccountFeatures of(Account account, Instant now) {
        String handle = account.handle();
        int from = handle.startsWith("@") ? 1 : 0;
        int at = handle.indexOf('@', from);
        int to = at > from ? at : handle.length(); // the user name, without substrings: follower samples are many
        if (account.ref().platform() == Platform.BLUESKY) {
            int dot = handle.indexOf('.', from);
            to = dot > from && dot < to ? dot : to; // name.bsky.social: the host part is the provider's, not chosen
        }
        int digits = 0;
        for (int i = from; i < to; i++) {
            if (Character.isDigit(handle.charAt(i))) {
                digits++;
            }
        }
        OptionalLong age = account.createdAt().isPresent()
                ? OptionalLong.of(Math.max(0, wholeDaysBetween(account.createdAt().get(), now)))
                : OptionalLong.empty();
        return new AccountFeatures(account.followers(), account.following(), account.postsCount(),
                !account.bioUnknown() && account.bio().isBlank(), !account.hasAvatar(), digits, Math.max(0, to - from),
                age, account.bot(), account.bioUnknown(), Optional.of(account.ref().platform()));
    }

    /** Share of digits in the user name, in [0, 1]; empty when the user name is unknown. */
    public java.util.OptionalDouble digitShare() {
        return usernameLength > 0 ? java.util.OptionalDouble.of((double) usernameDigits / usernameLength)
                : java.util.OptionalDouble.empty();
    }

    /**
     * {@code Duration.between(from, to).toDays()} without building the duration: whole seconds rounded down (the
     * duration's seconds part), then divided by a day's seconds, rounding toward zero.
     */
    static long wholeDaysBetween(Instant from, Instant to) {
        long seconds = Math.subtractExact(to.getEpochSecond(), from.getEpochSecond());
        if (to.getNano() < from.getNano()) {
            seconds--;
        }
        return seconds / 86_400;
    }
}

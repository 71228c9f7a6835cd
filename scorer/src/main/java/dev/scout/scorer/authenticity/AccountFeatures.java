package dev.scout.scorer.authenticity;

import dev.scout.model.Account;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Profile-level features of one account (Cresci et al. 2015 "Class A": cheap, read from the profile alone).
 * Missing counts stay empty; a rule over a missing count does not fire either way.
 *
 * @param followers      followers, if known
 * @param following      accounts followed, if known
 * @param posts          total posts, if known
 * @param bioEmpty       no bio text
 * @param noAvatar       the platform's default avatar
 * @param usernameDigits digits in the user name (the part before any {@code @host})
 * @param ageDays        account age in days at {@code now}, if the creation date is known
 * @param bot            the platform marks the account as automated
 */
public record AccountFeatures(OptionalLong followers, OptionalLong following, OptionalLong posts, boolean bioEmpty,
                              boolean noAvatar, int usernameDigits, OptionalLong ageDays, boolean bot) {

    /** Reads the features of {@code account} as of {@code now} (the snapshot's crawl time). */
    public static AccountFeatures of(Account account, Instant now) {
        String handle = account.handle();
        int from = handle.startsWith("@") ? 1 : 0;
        int at = handle.indexOf('@', from);
        int to = at > from ? at : handle.length(); // the user name, without substrings: follower samples are many
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
                account.bio().isBlank(), !account.hasAvatar(), digits, age, account.bot());
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

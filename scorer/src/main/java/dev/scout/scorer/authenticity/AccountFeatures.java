package dev.scout.scorer.authenticity;

import dev.scout.model.Account;

import java.time.Duration;
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
        String user = account.handle();
        if (user.startsWith("@")) {
            user = user.substring(1);
        }
        int at = user.indexOf('@');
        if (at > 0) {
            user = user.substring(0, at);
        }
        int digits = 0;
        for (int i = 0; i < user.length(); i++) {
            if (Character.isDigit(user.charAt(i))) {
                digits++;
            }
        }
        OptionalLong age = account.createdAt()
                .map(c -> OptionalLong.of(Math.max(0, Duration.between(c, now).toDays())))
                .orElse(OptionalLong.empty());
        return new AccountFeatures(account.followers(), account.following(), account.postsCount(),
                account.bio().isBlank(), !account.hasAvatar(), digits, age, account.bot());
    }
}

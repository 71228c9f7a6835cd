package dev.scout.scorer.authenticity;

import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class AccountFeaturesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00.5Z");
    private static final String[] HANDLES = {"", "@", "@@", "a1@b2", "@user2024@host9.example", "u1234", "@12@",
            "x@", "@x", "٣٤٥٦user", "fan@1@2", "@@99@host"};

    @Test
    void wholeDaysMatchTheDurationBetweenTheInstants() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            Instant from = NOW.plusSeconds(r.nextLong(-400 * 86_400L, 400 * 86_400L)).plusNanos(r.nextInt(1_000_000_000));
            Instant to = r.nextInt(10) == 0 ? from.plusNanos(r.nextInt(-2, 3))
                    : NOW.plusSeconds(r.nextInt(-86_400, 86_400)).plusNanos(r.nextInt(1_000_000_000));
            assertThat(AccountFeatures.wholeDaysBetween(from, to)).as("%s to %s", from, to)
                    .isEqualTo(Duration.between(from, to).toDays());
        }
        assertThat(AccountFeatures.wholeDaysBetween(Instant.MIN, Instant.MAX))
                .isEqualTo(Duration.between(Instant.MIN, Instant.MAX).toDays());
    }

    @Test
    void userNameDigitsAndAgeReadAsBeforeOnOddHandles() {
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 5_000; i++) {
            Account.Builder b = Account.builder(new ProfileRef(Platform.MASTODON, "u@h.example"))
                    .handle(HANDLES[r.nextInt(HANDLES.length)] + (r.nextBoolean() ? "" : r.nextInt(1_000)))
                    .bio(r.nextBoolean() ? "" : " ");
            if (r.nextBoolean()) {
                b.createdAt(NOW.minusMillis(r.nextLong(-86_400_000L, 900 * 86_400_000L)));
            }
            Account a = b.build();
            AccountFeatures f = AccountFeatures.of(a, NOW);
            assertThat(f.usernameDigits()).as(a.handle()).isEqualTo(digitsBySubstring(a.handle()));
            assertThat(f.ageDays()).isEqualTo(a.createdAt()
                    .map(c -> java.util.OptionalLong.of(Math.max(0, Duration.between(c, NOW).toDays())))
                    .orElse(java.util.OptionalLong.empty()));
        }
    }

    /** The user name's digits as first written: strip one leading "@", cut at the next "@" past the start. */
    private static int digitsBySubstring(String handle) {
        String user = handle.startsWith("@") ? handle.substring(1) : handle;
        int at = user.indexOf('@');
        if (at > 0) {
            user = user.substring(0, at);
        }
        return (int) user.chars().filter(Character::isDigit).count();
    }
}

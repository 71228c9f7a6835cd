package dev.scout.scorer.authenticity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class AccountClassifierTest {

    private final AccountClassifier classifier = new AccountClassifier(0.5);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case, followers, following, posts, bioEmpty, noAvatar, digits, ageDays, bot, suspicious
            "ordinary person,            120,   300,   450, false, false, 0, 1200, false, false",
            "micro influencer,         12000,   400,   900, false, false, 0, 1500, false, false",
            "quiet reader with a bio,     40,    90,    12, false, false, 0,  800, false, false",
            "small ordinary account,      18,   240,   400, false, false, 0, 1500, false, false",
            "bought follower,              3,   800,     0, true,  true,  5,   10, false, true",
            "egg account following many,  12,  2000,     4, true,  true,  0,  400, false, true",
            "new auto-named account,       8,   150,     2, false, true,  6,    5, false, true",
            "self-declared bot,         5000,    10, 20000, false, false, 0, 2000, true,  true",
    })
    void separatesRealFromSuspiciousAccounts(String name, long followers, long following, long posts, boolean bioEmpty,
                                             boolean noAvatar, int digits, long age, boolean bot, boolean suspicious) {
        AccountFeatures f = new AccountFeatures(OptionalLong.of(followers), OptionalLong.of(following),
                OptionalLong.of(posts), bioEmpty, noAvatar, digits, OptionalLong.of(age), bot);
        AccountClassifier.Verdict v = classifier.classify(f);
        assertThat(v.suspicious()).as(name + " " + v).isEqualTo(suspicious);
        assertThat(v.probability()).isEqualTo(classifier.probability(f));
    }

    @org.junit.jupiter.api.Test
    void underThirtyFollowersTheFollowingRatioIsNotCountedAgain() {
        AccountFeatures small = new AccountFeatures(OptionalLong.of(18), OptionalLong.of(240), OptionalLong.of(400),
                false, false, 0, OptionalLong.of(1500), false);
        assertThat(classifier.classify(small).reasons()).noneSatisfy(r -> assertThat(r).contains("twice as many"));
        AccountFeatures bigger = new AccountFeatures(OptionalLong.of(100), OptionalLong.of(240), OptionalLong.of(400),
                false, false, 0, OptionalLong.of(1500), false);
        assertThat(classifier.classify(bigger).reasons()).anySatisfy(r -> assertThat(r).contains("twice as many"));
    }

    @org.junit.jupiter.api.Test
    void missingCountsFireNoRuleAndTheReasonsSaySo() {
        AccountFeatures unknown = new AccountFeatures(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                false, false, 0, OptionalLong.empty(), false);
        AccountClassifier.Verdict v = classifier.classify(unknown);
        assertThat(v.reasons()).singleElement().asString().contains("counts unavailable");
        assertThat(v.probability()).isLessThan(0.5);
        assertThat(v.suspicious()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case (no counts: a Bluesky follower-list entry), bioEmpty, noAvatar, digits, ageDays, bot, suspicious
            "complete profile,                    false, false, 0, 900, false, false",
            "default avatar only,                 false, true,  0, 900, false, false",
            "empty bio only,                      true,  false, 0, 900, false, false",
            "auto-named only,                     false, false, 6, 900, false, false",
            "empty bio and default avatar,        true,  true,  0, 900, false, true",
            "bought-follower look,                true,  true,  6,  10, false, true",
            "auto-named and new,                  false, false, 6,  10, false, true",
            "bot label with a complete profile,   false, false, 0, 900, true,  true",
    })
    void withoutCountsOneWeakProfileFeatureAloneDoesNotMakeAnAccountSuspicious(
            String name, boolean bioEmpty, boolean noAvatar, int digits, long age, boolean bot, boolean suspicious) {
        AccountFeatures f = new AccountFeatures(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                bioEmpty, noAvatar, digits, OptionalLong.of(age), bot);
        AccountClassifier.Verdict v = classifier.classify(f);
        assertThat(v.suspicious()).as(name + " " + v).isEqualTo(suspicious);
        assertThat(classifier.isSuspicious(f)).isEqualTo(suspicious);
        assertThat(v.reasons()).anySatisfy(r -> assertThat(r).contains("counts unavailable"));
    }
}

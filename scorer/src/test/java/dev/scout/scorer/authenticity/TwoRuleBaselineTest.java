package dev.scout.scorer.authenticity;

import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class TwoRuleBaselineTest {

    private static AccountFeatures features(Long followers, Long following, Long posts, String bio) {
        Account.Builder b = Account.builder(new ProfileRef(Platform.INSTAGRAM, "ana")).bio(bio);
        if (followers != null) {
            b.followers(followers);
        }
        if (following != null) {
            b.following(following);
        }
        if (posts != null) {
            b.postsCount(posts);
        }
        return AccountFeatures.of(b.build(), Instant.EPOCH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ordinary,                      200,  300,   40, cook,  0",
            "follows 11x,                   10,   110,   40, cook,  1",
            "follows exactly 10x,           10,   100,   40, cook,  0",
            "no followers,                  0,    5,     40, cook,  1",
            "no posts and no bio,           200,  300,   0,  '',    1",
            "no posts and no bio without counts, ,     ,  0,  '',    1",
            "no posts but a bio,            200,  300,   0,  cook,  0",
            "post count unknown,            200,  300,     , '',    0",
            "following unknown,             200,     ,   40, cook,  unknown",
            "counts unknown,                   ,     ,     , '',    unknown",
    })
    void theIndicatorIsOneWhenARuleFiresAndUnknownWhenTheRatioCannotBeChecked(String name, Long followers,
                                                                             Long following, Long posts, String bio,
                                                                             String expected) {
        AccountFeatures f = features(followers, following, posts, bio);
        if (expected.equals("unknown")) {
            assertThat(TwoRuleBaseline.indicator(f)).as(name).isEmpty();
            assertThat(ClassifierModel.inputs(f)[ClassifierModel.Feature.BASELINE_RULE.ordinal()]).isNaN();
        } else {
            assertThat(TwoRuleBaseline.indicator(f).getAsDouble()).as(name).isEqualTo(Double.parseDouble(expected));
            assertThat(TwoRuleBaseline.fires(f)).as(name).isEqualTo(expected.equals("1"));
        }
    }

    @Test
    void anUnknownBioFiresNeitherRule() {
        AccountFeatures f = new AccountFeatures(OptionalLong.of(200), OptionalLong.of(300), OptionalLong.of(0), false,
                false, 0, 8, OptionalLong.empty(), false, true, java.util.Optional.empty());
        assertThat(TwoRuleBaseline.fires(f)).isFalse();
    }

    @Test
    void hugeFollowerCountsDoNotOverflowTheRatio() {
        AccountFeatures f = features(Long.MAX_VALUE / 2, Long.MAX_VALUE, 40L, "cook");
        assertThat(TwoRuleBaseline.fires(f)).isFalse();
    }

    @Test
    void theShippedXModelLeavesTheRuleOutAndTheInstagramModelCountsItAsEvidenceOfAFake() {
        int rule = ClassifierModel.Feature.BASELINE_RULE.ordinal();
        assertThat(ClassifierModel.SHIPPED_X.weights()[rule]).isZero();
        assertThat(ClassifierModel.SHIPPED_INSTAGRAM.weights()[rule]).isPositive();
    }
}

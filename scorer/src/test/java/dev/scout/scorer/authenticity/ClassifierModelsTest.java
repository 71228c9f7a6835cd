package dev.scout.scorer.authenticity;

import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierModelsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "INSTAGRAM, instagram",
            "X,         x",
            "MASTODON,  pooled",
            "BLUESKY,   pooled",
            "YOUTUBE,   pooled",
    })
    void anAccountIsJudgedByItsPlatformsOwnModelElseThePooledOne(Platform platform, String expected) {
        AccountFeatures f = AccountFeatures.of(Account.builder(new ProfileRef(platform, "ana")).followers(12)
                .following(300).postsCount(3).build(), Instant.EPOCH);
        ClassifierModel model = ClassifierModels.SHIPPED.forAccount(f);
        ClassifierModel want = switch (expected) {
            case "instagram" -> ClassifierModel.SHIPPED_INSTAGRAM;
            case "x" -> ClassifierModel.SHIPPED_X;
            default -> ClassifierModel.SHIPPED;
        };
        assertThat(model).isSameAs(want);
        assertThat(new AccountClassifier(0.5).probability(f))
                .isEqualTo(new AccountClassifier(0.5, want).probability(f));
    }

    @org.junit.jupiter.api.Test
    void anAccountOfUnknownPlatformIsJudgedByThePooledModel() {
        AccountFeatures f = new AccountFeatures(java.util.OptionalLong.of(12), java.util.OptionalLong.of(300),
                java.util.OptionalLong.of(3), true, false, 0, 8, java.util.OptionalLong.empty(), false);
        ClassifierModels models = new ClassifierModels(ClassifierModel.SHIPPED,
                Map.of(Platform.INSTAGRAM, ClassifierModel.SHIPPED_INSTAGRAM));
        assertThat(models.forAccount(f)).isSameAs(ClassifierModel.SHIPPED);
    }
}

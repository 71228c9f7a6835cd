package dev.scout.scorer.authenticity;

import dev.scout.model.Platform;

import java.util.Map;
import java.util.Objects;

/**
 * The classifier's models: one per platform that has labelled data of its own, and a pooled one for every other
 * platform (and for an account whose platform is unknown). Per platform because the sets disagree: fitted together,
 * the X set's quiet humans and the Instagram sets' quiet fakes pull one shared model both ways, and the audience
 * gate on X samples went wrong twice as often in cross-validation (BENCHMARKS.md, "Account classifier").
 *
 * @param pooled     the model for platforms without their own
 * @param byPlatform a model per platform with a labelled set
 */
public record ClassifierModels(ClassifierModel pooled, Map<Platform, ClassifierModel> byPlatform) {

    /** The shipped models: {@link ClassifierModel#SHIPPED} pooled, Instagram's and X's own. */
    public static final ClassifierModels SHIPPED = new ClassifierModels(ClassifierModel.SHIPPED,
            Map.of(Platform.INSTAGRAM, ClassifierModel.SHIPPED_INSTAGRAM, Platform.X, ClassifierModel.SHIPPED_X));

    public ClassifierModels {
        Objects.requireNonNull(pooled, "pooled");
        byPlatform = Map.copyOf(byPlatform);
    }

    /** One model for every platform (cross-validation of a single fit, tests). */
    public static ClassifierModels single(ClassifierModel model) {
        return new ClassifierModels(model, Map.of());
    }

    /** The model that judges {@code f}: its platform's own, else the pooled one. */
    public ClassifierModel forAccount(AccountFeatures f) {
        return f.platform().isPresent() ? byPlatform.getOrDefault(f.platform().get(), pooled) : pooled;
    }
}

package dev.scout.scorer;

import java.util.List;

/** Niches the scorer's tests scout for. Production code has no default niche; tests name theirs here. */
public final class TestNiches {
    private TestNiches() {
    }

    /** The niche of the golden tests and the caption corpus: plant-based cooking. */
    public static NicheSpec plantBasedCooking() {
        return new NicheSpec("plant-based cooking",
                List.of("vegan", "plant-based", "plant based", "tofu", "tempeh", "seitan", "lentils", "chickpeas",
                        "dairy-free", "oat milk", "nutritional yeast", "vegan recipe", "meal prep"),
                List.of("vegan", "plantbased", "veganrecipes", "plantbasedrecipes", "veganfood", "meatfree"));
    }
}

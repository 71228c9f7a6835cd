package dev.scout.bench;

import dev.scout.scorer.NicheSpec;

import java.util.List;

/** The niche the benchmarks scout for (the scorer has no default niche): plant-based cooking, as in the test corpus. */
final class BenchNiche {
    static final NicheSpec PLANT_BASED_COOKING = new NicheSpec("plant-based cooking",
            List.of("vegan", "plant-based", "plant based", "tofu", "tempeh", "seitan", "lentils", "chickpeas",
                    "dairy-free", "oat milk", "nutritional yeast", "vegan recipe", "meal prep"),
            List.of("vegan", "plantbased", "veganrecipes", "plantbasedrecipes", "veganfood", "meatfree"));

    private BenchNiche() {
    }
}

package dev.scout.demo.bench;

/** The niche every benchmark's config crawls for: the demo's, so benchmark runs score like the demo. */
public final class BenchNiche {
    /** The {@code niche:} block of a {@code scout.yaml}, ending with a newline. */
    public static final String YAML = """
            niche:
              name: plant-based cooking
              keywords: [vegan, plant-based, plant based, tofu, tempeh, seitan, lentils, chickpeas,
                         dairy-free, oat milk, nutritional yeast, vegan recipe, meal prep]
              hashtags: [vegan, plantbased, veganrecipes, plantbasedrecipes, veganfood, meatfree]
            """;

    private BenchNiche() {
    }
}

package dev.scout.simnet.population;

import java.util.List;

/**
 * The topics simulated creators post about, each with the hashtags and phrases its posts draw on.
 *
 * <p>{@link #PLANT_BASED_COOKING} is the demo niche; its hashtags and keywords match the demo configuration. Other
 * niches deliberately share a few words with it ("plant" in gardening, "oat milk" and "recipe" in coffee) so a
 * scorer that matches single words instead of the configured phrases is caught out.
 */
public enum Niche {
    PLANT_BASED_COOKING("plant-based cooking",
            List.of("vegan", "plantbased", "veganrecipes", "plantbasedrecipes", "veganfood", "meatfree"),
            List.of("crispy tofu bowls with peanut sauce", "smoky tempeh tacos", "a big pot of red lentils dal",
                    "seitan 'chicken' nuggets", "chickpeas roasted with paprika", "dairy-free mac and cheese",
                    "nutritional yeast gravy", "oat milk pancakes", "a plant-based lasagne", "black bean burgers",
                    "a vegan recipe for banana bread", "meal prep: five lunches with lentils and rice",
                    "miso-glazed aubergine with sesame tofu", "chickpeas and spinach curry"),
            List.of("Tonight's dinner: %s.", "Recipe card is up: %s.", "Weekend project: %s.",
                    "Tried %s and it was a hit with the family.", "Quick plant based lunch idea: %s.",
                    "Still thinking about %s from yesterday.")),
    RUNNING("running",
            List.of("running", "runchat", "marathontraining", "trailrunning", "5k"),
            List.of("an easy 8k recovery run", "hill repeats in the rain", "a new 5k personal best",
                    "the long run before the marathon taper", "a muddy trail loop", "tempo intervals at the track"),
            List.of("Morning log: %s.", "Coach's plan said %s.", "Happy with %s today.", "Training update: %s.")),
    HOME_GARDENING("home gardening",
            List.of("gardening", "growyourown", "houseplants", "allotment", "compost"),
            List.of("repotting a monstera plant", "the first tomatoes on the balcony plant", "a compost bin that finally works",
                    "seedlings under a grow light", "dividing the hostas", "a plant swap at the allotment"),
            List.of("Garden diary: %s.", "Small win today: %s.", "Weekend in the garden: %s.", "Lesson learned from %s.")),
    FILM_PHOTOGRAPHY("film photography",
            List.of("filmphotography", "35mm", "believeinfilm", "analog", "portra400"),
            List.of("a roll of Portra 400 through the old rangefinder", "home-developing black and white film",
                    "scanning negatives with a macro lens", "expired slide film at the harbour", "a half-frame street walk"),
            List.of("Fresh scans: %s.", "Darkroom night: %s.", "From the contact sheet: %s.", "Notes on %s.")),
    INDIE_GAME_DEV("indie game dev",
            List.of("gamedev", "indiedev", "screenshotsaturday", "pixelart", "godotengine"),
            List.of("a new dash mechanic", "pathfinding for the slime enemies", "a pixel art tileset for the caves",
                    "save-game bugs fixed at last", "the trailer for the demo", "shader experiments for water"),
            List.of("Devlog: %s.", "This week in the build: %s.", "Playtesters liked %s.", "Working on %s.")),
    SKINCARE("skincare",
            List.of("skincare", "skincareroutine", "spf", "sensitiveskin", "glowup"),
            List.of("a gentle cleanser for winter", "layering niacinamide and SPF", "patch testing a retinol",
                    "a barrier-repair moisturiser", "the evening routine simplified"),
            List.of("Routine check: %s.", "Honest review of %s.", "Dermatologist tip about %s.", "Shelfie update: %s.")),
    PERSONAL_FINANCE("personal finance",
            List.of("personalfinance", "budgeting", "investing", "frugal", "fire"),
            List.of("a zero-based budget for December", "index funds versus picking stocks", "an emergency fund in 6 months",
                    "the spreadsheet for tracking net worth", "cutting subscriptions by half"),
            List.of("Money diary: %s.", "Reader question about %s.", "Thread on %s.", "Monthly review: %s.")),
    COFFEE("coffee",
            List.of("coffee", "specialtycoffee", "pourover", "espresso", "homebarista"),
            List.of("a V60 recipe for a washed Ethiopian", "an oat milk flat white that finally worked",
                    "dialling in espresso with a new grinder", "a cold brew recipe for summer", "cupping three Kenyan lots"),
            List.of("Brew log: %s.", "Today's cup: %s.", "Café visit notes: %s.", "Grinder diary: %s."));

    private final String label;
    private final List<String> hashtags;
    private final List<String> subjects;
    private final List<String> templates;

    Niche(String label, List<String> hashtags, List<String> subjects, List<String> templates) {
        this.label = label;
        this.hashtags = hashtags;
        this.subjects = subjects;
        this.templates = templates;
    }

    /** Human name of the niche, e.g. {@code plant-based cooking}. */
    public String label() {
        return label;
    }

    /** Hashtags without {@code #}, lower case; the first two are the niche's most used tags. */
    public List<String> hashtags() {
        return hashtags;
    }

    /** Things a post of this niche talks about. */
    List<String> subjects() {
        return subjects;
    }

    /** Sentence templates with one {@code %s} slot for a subject. */
    List<String> templates() {
        return templates;
    }

    /** The headline niche of the simulated network (the one the ground truth is computed for). */
    public static Niche demo() {
        return PLANT_BASED_COOKING;
    }
}

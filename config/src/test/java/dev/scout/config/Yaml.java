package dev.scout.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Test helpers: a loader over a fixed environment, and a minimal valid document to extend. */
final class Yaml {
    /** A valid config that sets only what is required, plus one seed so that Scout has somewhere to start. */
    static final String MINIMAL = "niche: {name: plant-based cooking}\nseeds: [mastodon:ana@fika.example]\n";

    private Yaml() {
    }

    static ConfigLoader loader(Map<String, String> env) {
        Function<String, Optional<String>> lookup = name -> Optional.ofNullable(env.get(name));
        return new ConfigLoader(lookup);
    }

    static ConfigLoader loader() {
        return loader(Map.of());
    }

    /** Loads {@link #MINIMAL} followed by {@code extra} (which must not repeat niche or seeds). */
    static ScoutConfig minimalPlus(String extra) {
        return loader().load(MINIMAL + extra, "scout.yaml");
    }
}

package dev.scout.simnet.population;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Strings that break naive renderers, spreadsheets and bidi-unaware terminals. Profiles and posts carry them on
 * purpose so every consumer of the simulator has to treat text as hostile.
 */
final class HostileText {

    static final List<String> FRAGMENTS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "+cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "\u202Eelbat eht no sgge\u202C",
            "chef\u200D\u200Dlife",
            "🌱🥑✨👩🏽‍🍳");

    private HostileText() {
    }

    static String pick(RandomGenerator rng) {
        return FRAGMENTS.get(rng.nextInt(FRAGMENTS.size()));
    }
}

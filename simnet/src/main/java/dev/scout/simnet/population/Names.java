package dev.scout.simnet.population;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Invents unique usernames and display names; creators never get the four trailing digits of bought accounts. */
final class Names {

    private static final List<String> FIRST = List.of(
            "linnea", "amara", "jonas", "priya", "mateo", "sofia", "kenji", "noor", "elias", "freya", "tomas", "leila",
            "oskar", "ines", "ravi", "hana", "felix", "maya", "arjun", "clara", "dmitri", "zoe", "samir", "ingrid",
            "lucas", "yara", "emil", "nadia", "theo", "aiko", "malik", "greta", "diego", "sana", "niko", "ruth");
    private static final List<String> LAST = List.of(
            "berg", "okafor", "lind", "shah", "rossi", "kim", "haddad", "novak", "moreau", "tanaka", "silva", "weber",
            "nilsson", "garcia", "mensah", "fischer", "costa", "larsen", "ito", "ahmed");
    private static final Map<Niche, List<String>> WORDS = Map.of(
            Niche.PLANT_BASED_COOKING, List.of("cooks", "kitchen", "greens", "plates", "bakes"),
            Niche.RUNNING, List.of("runs", "miles", "strides", "trails"),
            Niche.HOME_GARDENING, List.of("grows", "garden", "plot", "seeds"),
            Niche.FILM_PHOTOGRAPHY, List.of("frames", "grain", "shoots", "film"),
            Niche.INDIE_GAME_DEV, List.of("devs", "pixels", "games", "builds"),
            Niche.SKINCARE, List.of("glow", "skin", "routine"),
            Niche.PERSONAL_FINANCE, List.of("saves", "money", "budget"),
            Niche.COFFEE, List.of("brews", "beans", "roasts", "cup"));

    private final Set<String> taken = new HashSet<>();

    String first(RandomGenerator rng) {
        return FIRST.get(rng.nextInt(FIRST.size()));
    }

    String last(RandomGenerator rng) {
        return LAST.get(rng.nextInt(LAST.size()));
    }

    /** A unique creator-style username such as {@code linnea_cooks}; collisions get a letter suffix, never digits. */
    String creator(RandomGenerator rng, String first, Niche niche) {
        List<String> words = WORDS.get(niche);
        String base = first + (rng.nextBoolean() ? "_" : "") + words.get(rng.nextInt(words.size()));
        return unique(base);
    }

    String person(RandomGenerator rng, String first) {
        return unique(first + (rng.nextBoolean() ? "." : "_") + last(rng));
    }

    /** A bought-follower username: a first name and four to six digits. */
    String numbered(RandomGenerator rng) {
        String name;
        do {
            name = first(rng) + (1000 + rng.nextInt(999_000));
        } while (!taken.add(name));
        return name;
    }

    String unique(String base) {
        String name = base.toLowerCase(Locale.ROOT).replace('.', '_');
        String candidate = name;
        char suffix = 'a';
        while (!taken.add(candidate)) {
            candidate = name + "_" + suffix;
            suffix = suffix == 'z' ? 'a' : (char) (suffix + 1);
            if (suffix == 'a') {
                name = name + "x";
            }
        }
        return candidate;
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

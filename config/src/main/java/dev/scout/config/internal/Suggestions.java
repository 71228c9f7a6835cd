package dev.scout.config.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys and values, by optimal-string-alignment (Damerau-Levenshtein) distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code input}, ignoring case, when it is close enough to be a likely typo: at most
     * one edit for short words, up to three for long ones. Ties go to the earlier candidate.
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String in = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(in, c.toLowerCase(Locale.ROOT));
            int allowed = Math.max(1, Math.min(3, c.length() / 4));
            if (d <= allowed && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code " (did you mean 'x'?)"} or {@code " (expected one of: a, b, c)"}. */
    public static String hint(String input, Collection<String> candidates) {
        return closest(input, candidates)
                .map(c -> " (did you mean '" + c + "'?)")
                .orElseGet(() -> " (expected one of: " + String.join(", ", candidates) + ")");
    }
}

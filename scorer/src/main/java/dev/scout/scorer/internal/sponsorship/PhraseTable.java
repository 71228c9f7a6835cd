package dev.scout.scorer.internal.sponsorship;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sponsorship phrases, hashtags and labels the {@link SponsorshipDetector} looks for, one per line of a
 * tab-separated table: {@code phrase, language, kind, strength}. The shipped table is the resource
 * {@value #RESOURCE}; its header explains the phrase syntax ({@code #tag}, {@code ^label}, words and slots such as
 * {@code {handle}} or {@code {code}}). Adding a disclosure phrase in any language is one line there. Immutable and
 * thread-safe.
 *
 * @param phrases the rows in table order
 */
public record PhraseTable(List<Phrase> phrases) {

    public static final String RESOURCE = "/dev/scout/scorer/sponsorship/phrases.tsv";

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(,[a-z]{2,3})*|\\*");

    /**
     * One row of the table.
     *
     * @param pattern  as written in the table (see the header of {@value #RESOURCE})
     * @param language ISO 639 codes of the languages it belongs to, comma-separated, or "*" for any
     * @param kind     the signal a match gives
     * @param strength how much one match proves
     */
    public record Phrase(String pattern, String language, SignalKind kind, SignalKind.Strength strength) {
    }

    public PhraseTable {
        phrases = List.copyOf(phrases);
    }

    /** The shipped table; a missing or malformed resource is a packaging bug and throws. */
    public static PhraseTable shipped() {
        try (InputStream in = PhraseTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the scorer jar");
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a table: one row per line, tab-separated; blank lines and lines starting with {@code #} followed by a
     * space or nothing are comments (a row's phrase may start with {@code #tag}).
     *
     * @param source names the table in error messages
     * @throws IllegalArgumentException naming the source, line and column of the first malformed row
     */
    public static PhraseTable parse(String source, String text) {
        List<Phrase> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank() || line.equals("#") || line.startsWith("# ")) {
                continue;
            }
            rows.add(row(source + " line " + (n + 1), line));
        }
        return new PhraseTable(rows);
    }

    /** This table with {@code lines} (rows in the table's format) added at the end. */
    public PhraseTable plus(String source, String lines) {
        List<Phrase> all = new ArrayList<>(phrases);
        all.addAll(parse(source, lines).phrases());
        return new PhraseTable(all);
    }

    private static Phrase row(String where, String line) {
        String[] cols = line.split("\t");
        if (cols.length != 4) {
            throw new IllegalArgumentException(where + ": expected 4 tab-separated columns (phrase, language, kind,"
                    + " strength), found " + cols.length + ": '" + line + "'");
        }
        String pattern = cols[0].strip();
        String language = cols[1].strip();
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException(where + ": language '" + language
                    + "' must be ISO 639 codes such as 'en' or 'de,at', or '*'");
        }
        SignalKind kind = value(SignalKind.class, cols[2], where, "kind");
        if (!kind.fromText()) {
            throw new IllegalArgumentException(where + ": kind " + kind + " is not found in text; use one of "
                    + SignalKind.textKinds());
        }
        Phrase phrase = new Phrase(pattern, language, kind, value(SignalKind.Strength.class, cols[3], where,
                "strength"));
        try {
            if (!pattern.startsWith("#")) {
                Template.parse(pattern); // fail now, with the line, rather than when the detector is built
            } else if (pattern.length() < 2 || pattern.contains(" ")) {
                throw new IllegalArgumentException("a hashtag is '#' and one word");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": phrase '" + pattern + "': " + e.getMessage(), e);
        }
        return phrase;
    }

    private static <E extends Enum<E>> E value(Class<E> type, String raw, String where, String column) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + column + " '" + raw.strip() + "' must be one of "
                    + List.of(type.getEnumConstants()), e);
        }
    }
}

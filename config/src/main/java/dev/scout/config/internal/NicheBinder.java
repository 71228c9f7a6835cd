package dev.scout.config.internal;

import dev.scout.config.NicheConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Reads {@code niche}: name, keywords, hashtags and taxonomy ids. */
final class NicheBinder {
    /** Mastodon hashtags are letters, digits and underscores (any script). */
    private static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern NICHE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private NicheBinder() {
    }

    static NicheConfig bind(Section root) {
        Section s = root.section("niche");
        Problems problems = s.problems();
        String name = "";
        Optional<String> rawName = s.optionalText("name");
        // A missing name is reported here; a name whose ${VAR} failed was reported already.
        if (s.raw("name").isEmpty() && !s.malformed()) {
            problems.at(s.path("name"), "is required: name the niche you are scouting (e.g. plant-based cooking)");
        } else if (rawName.isPresent()) {
            name = rawName.get().strip();
            if (name.isEmpty()) {
                problems.add(s.path("name"), Render.text(rawName.get()), "must not be empty");
            }
        }
        List<String> keywords = texts(s, "keywords", String::strip, Optional.empty(), "");
        List<String> hashtags = texts(s, "hashtags", NicheBinder::normaliseHashtag, Optional.of(HASHTAG),
                "must be a hashtag of letters, digits and _ only (no spaces or punctuation)");
        List<String> taxonomy = texts(s, "taxonomy", String::strip, Optional.of(NICHE_ID),
                "must be a niche id in lower-case words joined by dashes (e.g. plant-based-cooking)");
        s.finish();
        return new NicheConfig(name, keywords, hashtags, taxonomy);
    }

    private static String normaliseHashtag(String raw) {
        String t = raw.strip();
        while (t.startsWith("#")) {
            t = t.substring(1);
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /** A list of non-empty texts, normalised, checked against {@code shape}, without duplicates (order kept). */
    private static List<String> texts(Section s, String key, UnaryOperator<String> normalise,
                                      Optional<Pattern> shape, String shapeRule) {
        Set<String> out = new LinkedHashSet<>();
        for (Section.Element e : s.list(key)) {
            Optional<String> text = s.scalars().text(e.path(), e.node(), false);
            if (text.isEmpty()) {
                continue;
            }
            String v = normalise.apply(text.get());
            if (v.isEmpty()) {
                s.problems().add(e.path(), Render.text(text.get()), "must not be empty");
            } else if (shape.isPresent() && !shape.get().matcher(v).matches()) {
                s.problems().add(e.path(), Render.text(text.get()), shapeRule);
            } else {
                out.add(v);
            }
        }
        return new ArrayList<>(out);
    }
}

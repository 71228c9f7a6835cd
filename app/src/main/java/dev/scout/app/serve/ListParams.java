package dev.scout.app.serve;

import dev.scout.store.CandidateQuery;
import dev.scout.store.CandidateQuery.ReviewFilter;
import dev.scout.store.CandidateQuery.Sort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The candidate list's query string, validated: {@code run, niche, platform, tier, flagged, min_score, max_score,
 * grade, suspicious, review, sort, dir, page, size}. Unknown parameters are ignored; a bad value is refused with 400
 * naming the parameter. Turns into a {@link CandidateQuery} and back into links that keep the filters. Immutable.
 */
record ListParams(Map<String, String> values) {
    static final List<String> NAMES = List.of("run", "niche", "platform", "tier", "flagged", "min_score", "max_score",
            "grade", "suspicious", "review", "sort", "dir", "page", "size");
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    ListParams {
        values = Map.copyOf(values);
    }

    /** @throws RequestRefused 400 naming the parameter, its value and what is allowed */
    static ListParams parse(Map<String, List<String>> query) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String name : NAMES) {
            List<String> given = query.get(name);
            if (given != null && !given.isEmpty() && !given.get(0).isBlank()) {
                v.put(name, given.get(0).strip());
            }
        }
        ListParams p = new ListParams(v);
        p.check();
        return p;
    }

    private void check() {
        longValue("run", 1);
        longValue("page", 1);
        longValue("size", 1).ifPresent(s -> {
            if (s > MAX_SIZE) {
                throw RequestRefused.badRequest("size must be 1–" + MAX_SIZE + " (got " + s + ")");
            }
        });
        score("min_score");
        score("max_score");
        yesNo("flagged");
        yesNo("suspicious");
        choice("review", ReviewFilter.class);
        choice("sort", Sort.class);
        get("dir").ifPresent(d -> {
            if (!d.equals("asc") && !d.equals("desc")) {
                throw RequestRefused.badRequest("dir must be asc or desc (got '" + d + "')");
            }
        });
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    OptionalLong run() {
        return longValue("run", 1);
    }

    long page() {
        return longValue("page", 1).orElse(1);
    }

    int size() {
        return (int) longValue("size", 1).orElse(DEFAULT_SIZE);
    }

    Sort sort() {
        return choice("sort", Sort.class).orElse(Sort.SCORE);
    }

    /** Largest first unless {@code dir=asc}; handles read A–Z by default. */
    boolean descending() {
        return get("dir").map(d -> d.equals("desc")).orElse(sort() != Sort.HANDLE);
    }

    /** The store query for {@code runId} (the run chosen, or the newest scored one). */
    CandidateQuery query(long runId) {
        CandidateQuery q = CandidateQuery.of(runId);
        q = get("niche").map(q::withNiche).orElse(q);
        q = get("platform").map(s -> s.toLowerCase(Locale.ROOT)).map(q::withPlatform).orElse(q);
        q = get("tier").map(q::withTier).orElse(q);
        q = get("grade").map(q::withGrade).orElse(q);
        CandidateQuery base = q;
        q = yesNo("flagged").map(base::withFlagged).orElse(q);
        CandidateQuery withFlag = q;
        q = yesNo("suspicious").map(withFlag::withSuspicious).orElse(q);
        q = q.withScoreRange(score("min_score"), score("max_score"));
        q = q.withReview(choice("review", ReviewFilter.class).orElse(ReviewFilter.ANY));
        return q.sortedBy(sort(), descending()).page((page() - 1) * size(), size());
    }

    /** {@code /candidates?…} with these values, {@code changes} applied (an empty value removes one). */
    String href(Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = changes.containsKey(name) ? changes.get(name) : values.get(name);
            if (value != null && !value.isEmpty()) {
                merged.put(name, value);
            }
        }
        StringBuilder out = new StringBuilder("/candidates");
        char sep = '?';
        for (var e : merged.entrySet()) {
            out.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return out.toString();
    }

    private OptionalLong longValue(String name, long min) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long v = Long.parseLong(raw.get());
            if (v < min) {
                throw RequestRefused.badRequest(name + " must be " + min + " or more (got " + v + ")");
            }
            return OptionalLong.of(v);
        } catch (NumberFormatException e) {
            throw RequestRefused.badRequest(name + " must be a whole number (got '" + raw.get() + "')");
        }
    }

    private OptionalDouble score(String name) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(raw.get());
            if (!(v >= 0 && v <= 100)) {
                throw RequestRefused.badRequest(name + " must be a score from 0 to 100 (got " + raw.get() + ")");
            }
            return OptionalDouble.of(v);
        } catch (NumberFormatException e) {
            throw RequestRefused.badRequest(name + " must be a number from 0 to 100 (got '" + raw.get() + "')");
        }
    }

    private Optional<Boolean> yesNo(String name) {
        return get(name).map(v -> switch (v) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw RequestRefused.badRequest(name + " must be yes or no (got '" + v + "')");
        });
    }

    private <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
        return get(name).map(v -> {
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RequestRefused.badRequest(name + " must be one of " + keys(type) + " (got '" + v + "')");
            }
        });
    }

    static <E extends Enum<E>> List<String> keys(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }
}

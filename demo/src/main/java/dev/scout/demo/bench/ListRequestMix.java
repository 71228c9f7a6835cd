package dev.scout.demo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The candidate-list requests of the serve benchmark: what a scout clicks through, drawn from a seeded generator.
 * Each request combines a filter set (none, one filter, or several), a sort with its direction and a page: mostly
 * the first, often one of the next nine, and one in ten far down the list ({@code OFFSET} costs most there). The
 * query parameters are those of {@code GET /candidates} in {@code scout serve}. Deterministic for a seed.
 */
final class ListRequestMix {

    /** One request: the path and query, and the filter set's name for the per-filter table. */
    record ListRequest(String kind, String pathAndQuery) {
    }

    /** Filter sets, named; values exist in every generated store (see {@link CandidateStoreGenerator}). */
    static final List<ListRequest> FILTERS = List.of(
            new ListRequest("no filter", ""),
            new ListRequest("flagged", "flagged=yes"),
            new ListRequest("platform", "platform=bluesky"),
            new ListRequest("tier", "tier=micro"),
            new ListRequest("grade", "grade=high"),
            new ListRequest("not suspicious", "suspicious=no"),
            new ListRequest("score range", "min_score=40&max_score=70"),
            new ListRequest("unreviewed", "review=unreviewed"),
            new ListRequest("shortlisted", "review=shortlisted"),
            new ListRequest("niche+platform+tier", "niche=" + CandidateStoreGenerator.NICHE_NAME.replace(' ', '+')
                    + "&platform=instagram&tier=micro&flagged=no"),
            new ListRequest("grade+score+not suspicious", "grade=average&min_score=30&suspicious=no"));

    private static final List<String> SORTS = List.of("score", "followers", "engagement", "niche_share", "price",
            "handle", "reviewed_at");

    private final SplittableRandom random;
    private final int profiles;

    ListRequestMix(long seed, int profiles) {
        this.random = new SplittableRandom(seed);
        this.profiles = profiles;
    }

    /** The next {@code n} requests. */
    List<ListRequest> next(int n) {
        List<ListRequest> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    ListRequest next() {
        ListRequest filter = FILTERS.get(random.nextInt(FILTERS.size()));
        // Half the requests keep the default order (best score first), as a scout mostly does.
        String sort = random.nextBoolean() ? "score" : SORTS.get(random.nextInt(SORTS.size()));
        String dir = random.nextInt(4) == 0 ? "asc" : "desc";
        int roll = random.nextInt(10);
        long lastPage = Math.max(1, profiles / 50 / 4);
        long page = roll < 6 ? 1 : roll < 9 ? 2 + random.nextInt(9) : 1 + random.nextLong(lastPage);
        StringBuilder q = new StringBuilder("/candidates?");
        if (!filter.pathAndQuery().isEmpty()) {
            q.append(filter.pathAndQuery()).append('&');
        }
        q.append("sort=").append(sort).append("&dir=").append(dir).append("&page=").append(page);
        String kind = filter.kind() + (page > 10 ? ", deep page" : "");
        return new ListRequest(kind, q.toString());
    }
}

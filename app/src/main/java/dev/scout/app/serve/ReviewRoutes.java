package dev.scout.app.serve;

import dev.scout.model.ProfileRef;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.CandidatePage;
import dev.scout.store.Review;
import dev.scout.store.ReviewStatus;
import dev.scout.store.RunInfo;
import dev.scout.store.Store;
import io.javalin.http.Context;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The request handlers: they read parameters, ask the {@link Store} for one page or one verdict, and render.
 * Nothing is cached; every page reads the store afresh, so it shows what a concurrent run wrote. Thread-safe.
 */
final class ReviewRoutes {
    static final String REVIEWER_COOKIE = "scout_reviewer";
    /** Runs offered in the run menu, newest first. */
    private static final int RUNS_LISTED = 50;

    private final Store store;
    private final CsrfGuard csrf;
    private final Clock clock;

    ReviewRoutes(Store store, CsrfGuard csrf, Clock clock) {
        this.store = store;
        this.csrf = csrf;
        this.clock = clock;
    }

    /** GET /candidates: the filtered, sorted, paged list. */
    void list(Context ctx) {
        ListParams params = ListParams.parse(ctx.queryParamMap());
        List<RunInfo> runs = scoredRuns();
        if (runs.isEmpty()) {
            ctx.html(Layout.page("Candidates", "", "<h1>Candidates</h1><p class=\"notice\" id=\"no-runs\">This store has no"
                    + " scored run yet. Run 'scout run' (or 'scout demo') first, then reload.</p>"));
            return;
        }
        long runId = run(params.run().isPresent() ? Optional.of(params.run().getAsLong()) : Optional.empty(), runs);
        CandidatePage page = store.candidates(params.query(runId));
        ctx.html(Layout.page("Candidates", "run " + runId, CandidateListPage.html(runs, runId, params, page)));
    }

    /** GET /candidate?run=R&amp;id=ID: one candidate with its evidence and the review form. */
    void candidate(Context ctx) {
        long runId = run(optionalLong(ctx.queryParam("run"), "run"), scoredRuns());
        ProfileRef ref = ref(ctx.queryParam("id"));
        ScoredProfile verdict = verdict(runId, ref);
        String reviewer = Optional.ofNullable(ctx.cookie(REVIEWER_COOKIE))
                .map(c -> URLDecoder.decode(c, StandardCharsets.UTF_8)).orElse("");
        var extras = new CandidateDetailPage.Extras(runId, store.review(ref), store.history(ref), csrf.token(ctx), reviewer,
                ctx.queryParam("saved") != null);
        ctx.html(Layout.page(verdict.account().handle(), "run " + runId, CandidateDetailPage.html(verdict, extras)));
    }

    /** POST /review (form: csrf, id, run, status, note, reviewer): stores the review, then shows the candidate. */
    void review(Context ctx) {
        csrf.checkPost(ctx);
        ProfileRef ref = ref(ctx.formParam("id"));
        long runId = run(optionalLong(ctx.formParam("run"), "run"), scoredRuns());
        verdict(runId, ref);
        ReviewStatus status = ReviewStatus.fromKey(ctx.formParam("status")).orElseThrow(() -> RequestRefused.badRequest(
                "status must be shortlisted, rejected or undecided (got '" + ctx.formParam("status") + "')"));
        Review review;
        try {
            review = new Review(ref, status, ctx.formParam("note"), ctx.formParam("reviewer"), clock.instant());
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest(e.getMessage() + ". Go back and correct the form.");
        }
        store.saveReview(review);
        ctx.res().addHeader("Set-Cookie", REVIEWER_COOKIE + "=" + URLEncoder.encode(review.reviewer(), StandardCharsets.UTF_8)
                + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict");
        ctx.redirect("/candidate?run=" + runId + "&id=" + URLEncoder.encode(ref.id(), StandardCharsets.UTF_8) + "&saved=1",
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** GET /compare?run=R&amp;id=A&amp;id=B[&amp;id=C&amp;id=D]: two to four candidates side by side. */
    void compare(Context ctx) {
        long runId = run(optionalLong(ctx.queryParam("run"), "run"), scoredRuns());
        LinkedHashSet<String> ids = new LinkedHashSet<>(ctx.queryParams("id"));
        if (ids.size() < ComparePage.MIN || ids.size() > ComparePage.MAX) {
            throw RequestRefused.badRequest("Compare takes " + ComparePage.MIN + " to " + ComparePage.MAX
                    + " different candidates (got " + ids.size() + "). Tick them in the list and press Compare.");
        }
        List<ComparePage.Column> columns = new ArrayList<>();
        for (String id : ids) {
            ProfileRef ref = ref(id);
            columns.add(new ComparePage.Column(verdict(runId, ref), store.review(ref)));
        }
        ctx.html(Layout.page("Compare", "run " + runId, ComparePage.html(runId, columns)));
    }

    private List<RunInfo> scoredRuns() {
        return store.lastRuns(RUNS_LISTED).stream().filter(r -> r.counters().getOrDefault("scored", 0L) > 0).toList();
    }

    /** The run asked for, or the newest scored one. */
    private static long run(Optional<Long> asked, List<RunInfo> runs) {
        if (asked.isPresent()) {
            return asked.get();
        }
        if (runs.isEmpty()) {
            throw RequestRefused.notFound("This store has no scored run yet. Run 'scout run' (or 'scout demo') first.");
        }
        return runs.get(0).id();
    }

    private ScoredProfile verdict(long runId, ProfileRef ref) {
        return store.score(runId, ref).orElseThrow(() -> RequestRefused.notFound("Run " + runId + " has no verdict on "
                + ref.id() + " (it may have been forgotten, or scored in another run)."));
    }

    private static ProfileRef ref(String id) {
        if (id == null || id.isBlank()) {
            throw RequestRefused.badRequest("id is missing: name a profile as platform:value (e.g. mastodon:user@host)");
        }
        try {
            return ProfileRef.parseId(id.strip());
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest("id '" + id + "' is not a profile id (platform:value, e.g. mastodon:user@host)");
        }
    }

    private static Optional<Long> optionalLong(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            throw RequestRefused.badRequest(name + " must be a whole number (got '" + raw + "')");
        }
    }
}

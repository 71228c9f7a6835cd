package dev.scout.scorer;

import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.authenticity.AccountClassifier;
import dev.scout.scorer.authenticity.AuthenticityAnalyzer;
import dev.scout.scorer.authenticity.AuthenticityResult;
import dev.scout.scorer.internal.contact.ContactExtractor;
import dev.scout.scorer.internal.cost.CostModel;
import dev.scout.scorer.internal.engagement.BenchmarkTable;
import dev.scout.scorer.internal.engagement.EngagementAnalyzer;
import dev.scout.scorer.internal.engagement.EngagementResult;
import dev.scout.scorer.niche.NicheAnalyzer;
import dev.scout.scorer.niche.NicheTally;
import dev.scout.scorer.niche.NicheTaxonomy;
import dev.scout.scorer.internal.score.ComponentCalculator;
import dev.scout.scorer.internal.score.GateEvaluator;
import dev.scout.scorer.internal.score.ScoreInputs;
import dev.scout.scorer.internal.sponsorship.Brands;
import dev.scout.scorer.internal.sponsorship.Links;
import dev.scout.scorer.internal.sponsorship.PostVerdict;
import dev.scout.scorer.internal.sponsorship.SponsorshipAnalyzer;
import dev.scout.scorer.internal.sponsorship.SponsorshipDetector;
import dev.scout.scorer.internal.text.PostText;
import dev.scout.scorer.internal.tier.FollowerBand;
import dev.scout.scorer.internal.tier.TierClassifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scout's scorer: tier, engagement graded against the shipped benchmarks, niche fit, brand partnerships,
 * authenticity, cost and contact, combined into a 0–100 score and a flag whose every gate is explained.
 *
 * <p>Pure: no I/O after construction (the constructor reads the shipped tables from the classpath), no clock
 * ("now" is {@link ProfileSnapshot#crawledAt()}), deterministic and thread-safe; build one per settings and share
 * it. A profile with no posts is still classified and scored as far as its data allows, with the gaps named in its
 * reasons.
 */
public final class StandardScorer implements Scorer {

    private final ScoringSettings settings;
    private final TierClassifier tiers = new TierClassifier();
    private final EngagementAnalyzer engagement;
    private final NicheAnalyzer niche;
    /** One niche tally per thread, reset for each profile: its counts span the whole vocabulary. */
    private final ThreadLocal<NicheTally> nicheTallies;
    private final SponsorshipDetector detector = new SponsorshipDetector();
    private final SponsorshipAnalyzer sponsorship = new SponsorshipAnalyzer(detector);
    private final AuthenticityAnalyzer authenticity;
    private final CostModel cost;
    private final ContactExtractor contact = new ContactExtractor();
    private final ComponentCalculator components;
    private final GateEvaluator gates;

    /**
     * @throws InvalidScoringSettingsException when the target niche has no vocabulary and names no shipped niche
     * @throws IllegalStateException           when a shipped table is missing or malformed (a packaging bug)
     */
    public StandardScorer(ScoringSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.engagement = new EngagementAnalyzer(BenchmarkTable.load(), settings.postsWindow());
        this.niche = new NicheAnalyzer(settings.niche(), NicheTaxonomy.load());
        this.nicheTallies = ThreadLocal.withInitial(niche::tally);
        this.authenticity = new AuthenticityAnalyzer(new AccountClassifier(settings.suspiciousProbability()));
        this.cost = new CostModel(settings.pricing());
        this.components = new ComponentCalculator(settings);
        this.gates = new GateEvaluator(settings);
    }

    /** A scorer with the documented default settings, scouting {@code niche}. */
    public static StandardScorer withDefaults(NicheSpec niche) {
        return new StandardScorer(ScoringSettings.defaults(niche));
    }

    public ScoringSettings settings() {
        return settings;
    }

    @Override
    public ScoredProfile score(ProfileSnapshot snapshot) {
        Account account = snapshot.account();
        List<Post> window = window(snapshot.posts());
        String self = Brands.fromMention(account.handle());
        String ownSite = account.website().flatMap(Links::brand).orElse("");
        // Each post's text is prepared once, for the giveaway check, the niche terms and the sponsorship verdict.
        NicheTally nicheTally = nicheTallies.get();
        nicheTally.reset();
        int giveaways = 0;
        PostVerdict[] postVerdicts = new PostVerdict[window.size()];
        for (int i = 0; i < window.size(); i++) {
            Post post = window.get(i);
            PostText text = PostText.of(post.text(), post.hashtags());
            giveaways += isGiveaway(text) ? 1 : 0;
            nicheTally.add(text);
            postVerdicts[i] = detector.detect(post, text, self, ownSite);
        }
        Optional<FollowerBand> band = tiers.band(account);
        EngagementResult er = engagement.analyze(account, window, band, giveaways);
        PostText bio = PostText.of(account.bio());
        ScoredProfile.Niche nicheFit = nicheTally.result(bio);
        ScoredProfile.Sponsorship partnerships = sponsorship.summarize(window, postVerdicts, er.perPostRates());
        AuthenticityResult auth = authenticity.analyze(snapshot, window, er.rate(), er.benchmark());
        ScoredProfile.Cost price = cost.estimate(account.platform(), band, account.followers().orElse(0),
                er.medianEngagements());

        ScoreInputs inputs = new ScoreInputs(account, band, window.size(), er, nicheFit, partnerships, auth);
        List<ScoredProfile.ScoreComponent> parts = components.components(inputs);
        List<ScoredProfile.Gate> verdicts = gates.gates(inputs);
        boolean flagged = allPassed(verdicts);
        return new ScoredProfile(account, snapshot.crawledAt(), window.size(), tiers.tier(band), er.engagement(),
                nicheFit, partnerships, auth.authenticity(), price, contact.find(account.bio(), bio.folded()),
                components.score(parts), parts, flagged, verdicts, MetricDefinitions.SCORE_VERSION);
    }

    /** Written out: a stream over seven gates cost as much as building them, in profiles. */
    private static boolean allPassed(List<ScoredProfile.Gate> gates) {
        for (int i = 0; i < gates.size(); i++) {
            if (!gates.get(i).passed()) {
                return false;
            }
        }
        return true;
    }

    /** The newest {@code postsWindow} original posts (reposts are someone else's content). */
    private List<Post> window(List<Post> posts) {
        // Feeds usually arrive in order and without reposts: then they are used as they are (the snapshot's list is
        // immutable), and the filter and the sort are only checks.
        List<Post> originals = hasReposts(posts) ? withoutReposts(posts) : posts;
        if (!isNewestFirst(originals)) {
            List<Post> sorted = new ArrayList<>(originals);
            sorted.sort(StandardScorer::newestFirst);
            originals = sorted;
        }
        return originals.size() > settings.postsWindow() ? originals.subList(0, settings.postsWindow()) : originals;
    }

    private static boolean hasReposts(List<Post> posts) {
        for (int i = 0; i < posts.size(); i++) {
            if (posts.get(i).repost()) {
                return true;
            }
        }
        return false;
    }

    private static List<Post> withoutReposts(List<Post> posts) {
        List<Post> originals = new ArrayList<>(posts.size());
        for (Post p : posts) {
            if (!p.repost()) {
                originals.add(p);
            }
        }
        return originals;
    }

    /** Newest first, then by id: a total order, so the window does not depend on the input order. */
    private static int newestFirst(Post a, Post b) {
        int byTime = b.createdAt().compareTo(a.createdAt());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
    }

    private static boolean isNewestFirst(List<Post> posts) {
        for (int i = 1; i < posts.size(); i++) {
            if (newestFirst(posts.get(i - 1), posts.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A word that marks a giveaway anywhere in the caption ("#giveawaytime" too), or a giveaway hashtag, also when a
     * platform gives it apart from the text. Written out rather than looped over a list and probed in a set: it runs
     * for every post, and the loop and the probing added about half again to the cost of the three searches.
     */
    private static boolean isGiveaway(PostText text) {
        String lower = text.lower();
        if (lower.contains("giveaway") || lower.contains("gewinnspiel") || lower.contains("sorteo")) {
            return true;
        }
        for (int k = 0; k < text.hashtags().size(); k++) {
            if (isGiveawayTag(text.hashtags().get(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGiveawayTag(String tag) {
        return switch (tag) {
            case "giveaway", "gewinnspiel", "sorteo", "concours", "giveaways" -> true;
            default -> false;
        };
    }
}

package dev.scout.scorer;

import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.authenticity.AccountClassifier;
import dev.scout.scorer.authenticity.AuthenticityAnalyzer;
import dev.scout.scorer.authenticity.AuthenticityResult;
import dev.scout.scorer.contact.ContactExtractor;
import dev.scout.scorer.cost.CostModel;
import dev.scout.scorer.engagement.BenchmarkTable;
import dev.scout.scorer.engagement.EngagementAnalyzer;
import dev.scout.scorer.engagement.EngagementResult;
import dev.scout.scorer.niche.NicheAnalyzer;
import dev.scout.scorer.niche.NicheTaxonomy;
import dev.scout.scorer.score.ComponentCalculator;
import dev.scout.scorer.score.GateEvaluator;
import dev.scout.scorer.score.ScoreInputs;
import dev.scout.scorer.sponsorship.Brands;
import dev.scout.scorer.sponsorship.Links;
import dev.scout.scorer.sponsorship.SponsorshipAnalyzer;
import dev.scout.scorer.sponsorship.SponsorshipDetector;
import dev.scout.scorer.text.PostText;
import dev.scout.scorer.tier.FollowerBand;
import dev.scout.scorer.tier.TierClassifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

    private static final Set<String> GIVEAWAY_WORDS = Set.of("giveaway", "gewinnspiel", "sorteo", "concours",
            "giveaways");

    private final ScoringSettings settings;
    private final TierClassifier tiers = new TierClassifier();
    private final EngagementAnalyzer engagement;
    private final NicheAnalyzer niche;
    private final SponsorshipAnalyzer sponsorship = new SponsorshipAnalyzer(new SponsorshipDetector());
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
        this.authenticity = new AuthenticityAnalyzer(new AccountClassifier(settings.suspiciousProbability()));
        this.cost = new CostModel(settings.pricing());
        this.components = new ComponentCalculator(settings);
        this.gates = new GateEvaluator(settings);
    }

    public static StandardScorer withDefaults() {
        return new StandardScorer(ScoringSettings.defaults());
    }

    public ScoringSettings settings() {
        return settings;
    }

    @Override
    public ScoredProfile score(ProfileSnapshot snapshot) {
        Account account = snapshot.account();
        List<Post> window = window(snapshot.posts());
        List<PostText> texts = new ArrayList<>(window.size());
        boolean[] giveaway = new boolean[window.size()];
        for (int i = 0; i < window.size(); i++) {
            PostText t = PostText.of(window.get(i).text(), window.get(i).hashtags());
            texts.add(t);
            giveaway[i] = isGiveaway(t);
        }
        Optional<FollowerBand> band = tiers.band(account);
        EngagementResult er = engagement.analyze(account, window, band, giveaway);
        ScoredProfile.Niche nicheFit = niche.analyze(texts, PostText.of(account.bio()));
        String self = Brands.fromMention(account.handle());
        String ownSite = account.website().flatMap(Links::brand).orElse("");
        ScoredProfile.Sponsorship partnerships = sponsorship.analyze(window, texts, er.perPostRates(), self, ownSite);
        AuthenticityResult auth = authenticity.analyze(snapshot, window, er.rate(), er.benchmark());
        ScoredProfile.Cost price = cost.estimate(account.platform(), band, account.followers().orElse(0),
                er.medianEngagements());

        ScoreInputs inputs = new ScoreInputs(account, band, window.size(), er, nicheFit, partnerships, auth);
        List<ScoredProfile.ScoreComponent> parts = components.components(inputs);
        List<ScoredProfile.Gate> verdicts = gates.gates(inputs);
        boolean flagged = verdicts.stream().allMatch(ScoredProfile.Gate::passed);
        return new ScoredProfile(account, snapshot.crawledAt(), window.size(), tiers.tier(band), er.engagement(),
                nicheFit, partnerships, auth.authenticity(), price, contact.find(account.bio()),
                components.score(parts), parts, flagged, verdicts, MetricDefinitions.SCORE_VERSION);
    }

    /** The newest {@code postsWindow} original posts (reposts are someone else's content). */
    private List<Post> window(List<Post> posts) {
        List<Post> originals = new ArrayList<>(posts.size());
        for (Post p : posts) {
            if (!p.repost()) {
                originals.add(p);
            }
        }
        originals.sort(Comparator.comparing(Post::createdAt).reversed().thenComparing(Post::id));
        return originals.size() > settings.postsWindow() ? originals.subList(0, settings.postsWindow()) : originals;
    }

    private static boolean isGiveaway(PostText t) {
        for (String tag : t.hashtags()) {
            if (GIVEAWAY_WORDS.contains(tag)) {
                return true;
            }
        }
        return t.lower().contains("giveaway") || t.lower().contains("gewinnspiel") || t.lower().contains("sorteo");
    }
}

package dev.scout.scorer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The score version and the definition of every metric in a {@link ScoredProfile}, so that two runs (or Scout and
 * a vendor tool) can be compared. Bump {@link #SCORE_VERSION} whenever a rule, table, lexicon or weight default
 * changes.
 */
public final class MetricDefinitions {

    /** Version of the scoring rules and shipped tables: year.month-serial. */
    public static final String SCORE_VERSION = "2026.11-1";

    /** Metric name (as in output columns) → definition in words; insertion-ordered, immutable. */
    public static final Map<String, String> ALL;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("followers", "followers (subscribers) reported by the platform at crawl time");
        m.put("tier", "nano 1k-10k, micro 10k-100k, mid 100k-500k, macro 500k-1M, mega 1M+; bands 1k-5k, 5k-10k,"
                + " 10k-50k, 50k-100k, 100k-500k, 500k-1m, 1m+ (lower edge inclusive)");
        m.put("posts_analyzed", "original posts used: the newest N (crawl.postsPerProfile, default 40), reposts"
                + " excluded");
        m.put("engagement_rate", "median over the analysed posts of (likes + replies + shares) / followers; on"
                + " video platforms / views of each video; fraction (0.0423 = 4.23%)");
        m.put("engagement_grade", "low / below-average / average / above-average / high against the platform and"
                + " band benchmark (Modash; Instagram table as proxy for Mastodon, Bluesky and web)");
        m.put("engagement_percentile", "estimated percentile within the band, interpolated between low cut = 10th,"
                + " average range = 40th-60th, high cut = 90th, 2 x high cut = 99th");
        m.put("niche_share", "fraction of analysed posts whose caption or hashtags match the target niche's keywords"
                + " or hashtags (whole tokens, NFKC, accents folded, plurals stemmed, camel-case hashtags split)");
        m.put("sponsored_share", "fraction of analysed posts judged sponsored: a platform paid-promotion label or an"
                + " explicit disclosure, or two distinct medium signals (vague tag, gift, code, discount, affiliate"
                + " link or disclosure), or a vague or affiliate signal with a brand mention");
        m.put("brands", "distinct brands of sponsored posts: mentions, link domains, names after 'sponsored by',"
                + " or the code when nothing else names the brand");
        m.put("disclosure", "clear (ad, advertisement, sponsored, paid partnership, platform label), ambiguous"
                + " (#collab, #sp, #gifted, thanks to @brand, affiliate link), none (codes and links only)");
        m.put("suspicious", "account classifier probability >= the classifier's cut, 0.5 by default (logistic"
                + " model fitted on public labelled real and fake accounts, docs/DATASETS.md), or a follower growth spike between crawls,"
                + " or engagement above the band's estimated 99th percentile with more than one reply per two likes");
        m.put("audience_real_pct", "estimated percentage of real accounts in the follower sample, from the same"
                + " classifier's probabilities (posterior mean of the fake share under a uniform prior, after Saerens"
                + " et al. 2002), not a count of verdicts; empty without a sample");
        m.put("est_price_usd", "estimated price per post from the platform x tier rate card, log-interpolated by"
                + " followers within the tier");
        m.put("cost_per_engagement_usd", "estimated price / median engagements per analysed post");
        m.put("score", "100 x weighted mean of components in [0,1]: engagement = percentile/100; niche ="
                + " min(1, share / (2 x minShare)); sponsorship = (1 - min(1, share / (2 x maxShare))) x (1 - 0.5 x"
                + " min(1, brands / (2 x maxBrands))); authenticity = (1 - classifier probability) x real audience"
                + " x 0.5 on a growth spike x 0.9 per profile concern; unknown components count 0");
        m.put("flagged", "every gate passed: eligibility, followers, niche, engagement, sponsorship, authenticity,"
                + " audience");
        ALL = java.util.Collections.unmodifiableMap(m);
    }

    private MetricDefinitions() {
    }
}

package dev.scout.scorer.internal.sponsorship;

import dev.scout.model.Post;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.internal.engagement.Medians;
import dev.scout.scorer.internal.text.PostText;

import java.util.ArrayList;
import java.util.List;

/**
 * Brand partnerships of one profile: sponsored share of the analysed posts, distinct brands (most frequent first),
 * repeat-brand ratio, sponsored vs organic engagement, each sponsored post with its evidence, and disclosure
 * compliance (clear / ambiguous / none). Thread-safe.
 */
public final class SponsorshipAnalyzer {

    private final SponsorshipDetector detector;

    public SponsorshipAnalyzer(SponsorshipDetector detector) {
        this.detector = detector;
    }

    /**
     * @param posts   analysed posts
     * @param texts   their prepared text, same order
     * @param rates   their engagement rates, same order (NaN when unknown)
     * @param self    the profile's own brand key
     * @param ownSite brand key of the profile's website, or ""
     */
    public ScoredProfile.Sponsorship analyze(List<Post> posts, List<PostText> texts, double[] rates, String self,
                                             String ownSite) {
        PostVerdict[] verdicts = new PostVerdict[posts.size()];
        for (int i = 0; i < posts.size(); i++) {
            verdicts[i] = detector.detect(posts.get(i), texts.get(i), self, ownSite);
        }
        return summarize(posts, verdicts, rates);
    }

    /**
     * The profile's partnerships from verdicts already reached post by post.
     *
     * @param posts    analysed posts
     * @param verdicts the detector's verdict on each, same order
     * @param rates    their engagement rates, same order (NaN when unknown)
     */
    public ScoredProfile.Sponsorship summarize(List<Post> posts, PostVerdict[] verdicts, double[] rates) {
        BrandCounts brandPosts = new BrandCounts();
        int sponsoredCount = 0;
        for (PostVerdict v : verdicts) {
            if (v.sponsored()) {
                sponsoredCount++;
                List<String> named = v.brands(); // immutable (List.copyOf), so indexed access is cheap
                for (int k = 0; k < named.size(); k++) {
                    brandPosts.add(named.get(k));
                }
            }
        }
        double[] sponsoredRates = new double[sponsoredCount];
        double[] organicRates = new double[posts.size() - sponsoredCount];
        List<ScoredProfile.SponsoredPost> evidence = new ArrayList<>(sponsoredCount);
        int clear = 0;
        int ambiguous = 0;
        int none = 0;
        int repeat = 0;
        int s = 0;
        int o = 0;
        for (int i = 0; i < posts.size(); i++) {
            PostVerdict v = verdicts[i];
            if (!v.sponsored()) {
                organicRates[o++] = rates[i];
                continue;
            }
            sponsoredRates[s++] = rates[i];
            switch (v.disclosure()) {
                case "clear" -> clear++;
                case "ambiguous" -> ambiguous++;
                default -> none++;
            }
            List<String> named = v.brands();
            for (int k = 0; k < named.size(); k++) {
                if (brandPosts.count(named.get(k)) > 1) {
                    repeat++;
                    break;
                }
            }
            evidence.add(new ScoredProfile.SponsoredPost(posts.get(i).id(), posts.get(i).url(), v.disclosure(),
                    named, described(v.signals())));
        }
        double share = posts.isEmpty() ? 0 : (double) sponsoredCount / posts.size();
        double repeatRatio = sponsoredCount == 0 ? 0 : (double) repeat / sponsoredCount;
        return new ScoredProfile.Sponsorship(share, brandPosts.mostFrequentFirst(), repeatRatio,
                Medians.median(sponsoredRates), Medians.median(organicRates), evidence, clear, ambiguous, none);
    }

    /** Each signal described, as an immutable list built without an intermediate array for the usual few. */
    private static List<String> described(List<Signal> signals) {
        return switch (signals.size()) {
            case 1 -> List.of(signals.get(0).describe());
            case 2 -> List.of(signals.get(0).describe(), signals.get(1).describe());
            case 3 -> List.of(signals.get(0).describe(), signals.get(1).describe(), signals.get(2).describe());
            default -> {
                String[] all = new String[signals.size()];
                for (int k = 0; k < all.length; k++) {
                    all[k] = signals.get(k).describe();
                }
                yield List.of(all);
            }
        };
    }
}

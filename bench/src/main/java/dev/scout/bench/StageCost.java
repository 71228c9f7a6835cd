package dev.scout.bench;

import dev.scout.model.Post;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.StandardScorer;
import dev.scout.scorer.niche.NicheAnalyzer;
import dev.scout.scorer.niche.NicheTally;
import dev.scout.scorer.niche.NicheTaxonomy;
import dev.scout.scorer.internal.sponsorship.SponsorshipDetector;
import dev.scout.scorer.internal.text.PostText;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Where the scorer's time goes, by ablation: CPU time per profile over the {@link ScorerBenchmark} profiles when
 * only the first stages of the per-post loop run (prepare the text; then also niche counting; then the
 * sponsorship verdict), and for the whole scorer. The differences between lines are each
 * stage's cost in the mixed stream the benchmark scores; the last difference is everything done once per profile.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.scout.bench.StageCost [rounds]}
 */
public final class StageCost {

    private static final String[] STAGES = {"text", "+ niche", "+ sponsorship verdict", "whole scorer"};

    private StageCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        SplittableRandom r = new SplittableRandom(42);
        List<ProfileSnapshot> profiles = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            profiles.add(ScorerBenchmark.profile(i, r));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        NicheTally tally = new NicheAnalyzer(BenchNiche.PLANT_BASED_COOKING, NicheTaxonomy.load()).tally();
        SponsorshipDetector detector = new SponsorshipDetector();
        StandardScorer scorer = StandardScorer.withDefaults(BenchNiche.PLANT_BASED_COOKING);
        long sink = 0;
        double previous = 0;
        for (int stage = 0; stage < STAGES.length; stage++) {
            double best = Double.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                long cpu0 = mx.getCurrentThreadCpuTime();
                for (int k = 0; k < 10 * profiles.size(); k++) {
                    ProfileSnapshot p = profiles.get(k % profiles.size());
                    if (stage == STAGES.length - 1) {
                        sink += (long) scorer.score(p).score();
                        continue;
                    }
                    tally.reset();
                    for (Post post : p.posts()) {
                        PostText text = PostText.of(post.text(), post.hashtags());
                        sink += text.words().count();
                        if (stage >= 1) {
                            tally.add(text);
                        }
                        if (stage >= 2) {
                            sink += detector.detect(post, text, "cook", "").signals().size();
                        }
                    }
                }
                double us = (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / (10 * profiles.size());
                if (round >= rounds / 3) { // the first rounds warm up
                    best = Math.min(best, us);
                }
            }
            System.out.printf(Locale.ROOT, "%-24s %6.1f us CPU per profile (stage %+.1f)%n", STAGES[stage], best,
                    best - previous);
            previous = best;
        }
        System.out.println("checksum " + sink);
    }
}

package dev.scout.bench;

import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.StandardScorer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Scorer cost as user CPU time per profile on one thread, over the same 512 profiles as {@link ScorerBenchmark}.
 * Unlike JMH's wall-clock throughput it barely moves when other processes share the cores, so it is the figure to
 * compare on a busy machine.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.scout.bench.CpuPerProfile [warmupSeconds] [rounds]}
 */
public final class CpuPerProfile {

    private CpuPerProfile() {
    }

    public static void main(String[] args) {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        StandardScorer scorer = StandardScorer.withDefaults(BenchNiche.PLANT_BASED_COOKING);
        SplittableRandom r = new SplittableRandom(42);
        List<ProfileSnapshot> profiles = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            profiles.add(ScorerBenchmark.profile(i, r));
        }
        double sink = 0;
        long warmEnd = mx.getCurrentThreadUserTime() + warmupSeconds * 1_000_000_000L;
        while (mx.getCurrentThreadUserTime() < warmEnd) {
            for (ProfileSnapshot p : profiles) {
                sink += scorer.score(p).score();
            }
        }
        int perRound = 20 * profiles.size();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long user0 = mx.getCurrentThreadUserTime();
            for (int k = 0; k < perRound; k++) {
                sink += scorer.score(profiles.get(k % profiles.size())).score();
            }
            double cpuUs = (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / perRound;
            double userUs = (mx.getCurrentThreadUserTime() - user0) / 1e3 / perRound;
            best = Math.min(best, cpuUs);
            System.out.printf(Locale.ROOT, "round %d: %.1f us CPU (%.1f us user) per profile = %,.0f profiles per"
                    + " CPU-second%n", round + 1, cpuUs, userUs, 1e6 / cpuUs);
        }
        System.out.printf(Locale.ROOT, "best: %.1f us CPU per profile = %,.0f profiles per CPU-second (checksum %.1f)%n",
                best, 1e6 / best, sink);
    }
}

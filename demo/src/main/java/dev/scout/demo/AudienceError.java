package dev.scout.demo;

import dev.scout.scorer.ScoredProfile;
import dev.scout.simnet.population.AccountKind;
import dev.scout.simnet.population.Population;
import dev.scout.simnet.population.SimAccount;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Audience quality against the simulator's labels: for every scored profile with a follower sample, the scorer's
 * estimated "percent of the sample that is real" next to the true percent of real accounts among the same followers (the
 * first {@code sampleSize} of the follower list, which is what the crawler reads, newest first). A follower is real
 * unless the simulator generated it as a bought (fake) follower. Not thread-safe.
 */
final class AudienceError {
    private final double gatePct;
    private int profiles;
    private double sumAbs;
    private double sumSigned;
    private double maxAbs;
    private int gateDisagreements;

    /** @param gatePct the audience gate's cut (percent real) used to count gate disagreements */
    AudienceError(double gatePct) {
        this.gatePct = gatePct;
    }

    /** Adds one profile; profiles without a sample are ignored. */
    void add(ScoredProfile p, SimAccount account, Population population) {
        OptionalDouble truth = truePct(p, account, population);
        if (truth.isEmpty()) {
            return;
        }
        double truePct = truth.getAsDouble();
        double measured = p.authenticity().audienceRealPct().getAsDouble();
        double error = measured - truePct;
        profiles++;
        sumAbs += Math.abs(error);
        sumSigned += error;
        maxAbs = Math.max(maxAbs, Math.abs(error));
        if ((measured >= gatePct) != (truePct >= gatePct)) {
            gateDisagreements++;
        }
    }

    /** The percent of real accounts, by the simulator's labels, among the followers the scorer sampled. */
    static OptionalDouble truePct(ScoredProfile p, SimAccount account, Population population) {
        if (p.authenticity().audienceRealPct().isEmpty() || p.authenticity().sampleSize() == 0) {
            return OptionalDouble.empty();
        }
        List<Integer> followers = population.followers(account.index());
        int n = Math.min(p.authenticity().sampleSize(), followers.size());
        if (n == 0) {
            return OptionalDouble.empty();
        }
        long real = followers.subList(0, n).stream()
                .filter(i -> population.account(i).kind() != AccountKind.FAKE_FOLLOWER).count();
        return OptionalDouble.of(100.0 * real / n);
    }

    int profiles() {
        return profiles;
    }

    /** One line: profiles compared, mean absolute error, bias and worst case in percentage points, gate disagreements. */
    String describe() {
        if (profiles == 0) {
            return "audience quality: no profile had a follower sample";
        }
        return String.format(Locale.ROOT,
                "audience quality vs the simulator's labels: %d sampled profiles, mean absolute error %.1f points,"
                        + " bias %+.1f points, worst %.1f points; the %.0f%% gate decided differently on %d",
                profiles, sumAbs / profiles, sumSigned / profiles, maxAbs, gatePct, gateDisagreements);
    }
}

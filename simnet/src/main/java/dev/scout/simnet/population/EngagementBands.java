package dev.scout.simnet.population;

import java.util.List;

/**
 * The shared follower-band benchmark (COMMON brief; Modash Instagram figures used as a proxy): for each band the
 * average engagement range and the "high" cut, as fractions.
 *
 * <p>"Engaging above its band" means a rate at or above {@link Band#averageHigh()}. The simulator draws latent rates
 * around {@link Band#typical()}, which falls with size; above 100k it keeps falling instead of following the
 * benchmark's small rise, because those accounts never qualify anyway and the issue asks for rates that fall with size.
 */
public final class EngagementBands {

    /**
     * One band, {@code [minFollowers, maxFollowers)}.
     *
     * @param typical the centre the simulator draws latent rates around
     */
    public record Band(long minFollowers, long maxFollowers, double averageLow, double averageHigh, double highCut,
                       double typical) {
    }

    private static final List<Band> BANDS = List.of(
            new Band(0, 1_000, 0.045, 0.060, 0.100, 0.052),
            new Band(1_000, 5_000, 0.0338, 0.0442, 0.0797, 0.0390),
            new Band(5_000, 10_000, 0.0125, 0.0162, 0.0354, 0.0144),
            new Band(10_000, 50_000, 0.0084, 0.0111, 0.0261, 0.0098),
            new Band(50_000, 100_000, 0.0075, 0.0101, 0.0247, 0.0088),
            new Band(100_000, 500_000, 0.0087, 0.0114, 0.0263, 0.0075),
            new Band(500_000, 1_000_000, 0.0088, 0.0113, 0.0246, 0.0065),
            new Band(1_000_000, Long.MAX_VALUE, 0.0102, 0.0127, 0.0260, 0.0055));

    /** Follower counts equal to these are avoided so inclusive/exclusive band edges cannot disagree. */
    private static final long[] EDGES = {1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000};

    private EngagementBands() {
    }

    /** The band holding {@code followers}. */
    public static Band bandOf(long followers) {
        for (Band b : BANDS) {
            if (followers >= b.minFollowers() && followers < b.maxFollowers()) {
                return b;
            }
        }
        throw new IllegalArgumentException("followers must be >= 0 (got " + followers + ")");
    }

    /** All bands, smallest first. */
    public static List<Band> bands() {
        return BANDS;
    }

    /** True when the rate is at or above the top of the band's average range. */
    public static boolean aboveBand(long followers, double rate) {
        return rate >= bandOf(followers).averageHigh();
    }

    /** Moves a follower count off an exact band edge by a few followers. */
    static long offEdge(long followers) {
        for (long e : EDGES) {
            if (Math.abs(followers - e) <= 2) {
                return e + 7;
            }
        }
        return followers;
    }
}

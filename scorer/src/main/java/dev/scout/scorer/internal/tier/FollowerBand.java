package dev.scout.scorer.internal.tier;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Follower bands inside which engagement is graded, with the tier each belongs to. Band edges follow the finest
 * published split (Modash calculators: 1–5K, 5–10K, 10–50K, 50–100K, …; scoring.md §2.2); tiers follow Later × Fohr
 * (nano 1K–10K, micro 10K–100K, mid 100K–500K, macro 500K–1M, mega 1M+). A lower edge is inclusive, an upper edge
 * exclusive.
 */
public enum FollowerBand {
    BELOW_1K("below-1k", "below-nano", 0, 1_000),
    B1K_5K("1k-5k", "nano", 1_000, 5_000),
    B5K_10K("5k-10k", "nano", 5_000, 10_000),
    B10K_50K("10k-50k", "micro", 10_000, 50_000),
    B50K_100K("50k-100k", "micro", 50_000, 100_000),
    B100K_500K("100k-500k", "mid", 100_000, 500_000),
    B500K_1M("500k-1m", "macro", 500_000, 1_000_000),
    OVER_1M("1m+", "mega", 1_000_000, Long.MAX_VALUE);

    private final String key;
    private final String tier;
    private final long from;
    private final long until;

    FollowerBand(String key, String tier, long from, long until) {
        this.key = key;
        this.tier = tier;
        this.from = from;
        this.until = until;
    }

    /** The band's key as used in the benchmark table and in outputs, e.g. {@code 10k-50k}. */
    public String key() {
        return key;
    }

    /** The tier name: below-nano, nano, micro, mid, macro or mega. */
    public String tier() {
        return tier;
    }

    public long from() {
        return from;
    }

    /** Exclusive upper edge; {@link Long#MAX_VALUE} for the open top band. */
    public long until() {
        return until;
    }

    /** Each band wrapped once, in order: {@code values()} copies its array on every call, and every profile asks. */
    private static final List<Optional<FollowerBand>> FOUND = Arrays.stream(values()).map(Optional::of).toList();

    /** The band holding {@code followers}; empty for negative counts. */
    public static Optional<FollowerBand> of(long followers) {
        for (int i = 0; i < FOUND.size(); i++) {
            FollowerBand b = FOUND.get(i).get();
            if (followers >= b.from && followers < b.until) {
                return FOUND.get(i);
            }
        }
        return Optional.empty();
    }
}

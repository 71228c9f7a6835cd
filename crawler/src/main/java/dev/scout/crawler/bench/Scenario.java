package dev.scout.crawler.bench;

/** The crawl benchmark's scenarios (issue 3). */
public enum Scenario {
    /** The server advertises its limit in headers; the configured rate is 4× too high. Target: wall ≤ 1.05× ideal, 0 over the limit. */
    ADVERTISED_LIMIT(1, true, 1.05),
    /** No limit headers, only 429 + Retry-After; configured rate 4× too high. Target: ≤ 3% 429s, wall ≤ 1.25× ideal. */
    RETRY_AFTER_ONLY(1, false, 1.25),
    /** Four hosts, each at R with advertised limits. Target: aggregate throughput ≥ 3.8 R (wall ≤ 1.05× ideal). */
    FOUR_HOSTS(4, true, 4.0 / 3.8);

    private final int hosts;
    private final boolean advertised;
    private final double maxWallRatio;

    Scenario(int hosts, boolean advertised, double maxWallRatio) {
        this.hosts = hosts;
        this.advertised = advertised;
        this.maxWallRatio = maxWallRatio;
    }

    public int hosts() {
        return hosts;
    }

    public boolean advertised() {
        return advertised;
    }

    /** Wall time over ideal wall time the scenario must stay within. */
    public double maxWallRatio() {
        return maxWallRatio;
    }
}

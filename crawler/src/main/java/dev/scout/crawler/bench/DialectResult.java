package dev.scout.crawler.bench;

/**
 * What one dialect run of issue 14's benchmark measured.
 *
 * @param requests         profile requests asked of the fetcher (N)
 * @param fetched          of those, ended as Fetched (the rest were lost)
 * @param httpRequests     HTTP requests sent (robots.txt and repeats after 429 included)
 * @param tooManyRequests  429 answers received
 * @param spanMillis       time from the first request to the last outcome
 * @param maxPerSecond     most requests the server saw in one second (counted from the first arrival), 429s included
 * @param maxPerSecondAfterFirst the same without the first second
 */
public record DialectResult(Dialect dialect, int rate, int requests, long fetched, long httpRequests,
                            long tooManyRequests, long spanMillis, int maxPerSecond, int maxPerSecondAfterFirst) {

    /** The shortest possible span: the burst at once, then R per second. */
    public double idealMillis() {
        return (requests - LimitRule.BURST) * 1000.0 / rate;
    }

    public double spanRatio() {
        return spanMillis / idealMillis();
    }

    public double tooManyShare() {
        return (double) tooManyRequests / requests;
    }

    /** Requests over an advertised limit: every 429 when the limit is advertised. */
    public long overAdvertisedLimit() {
        return dialect.advertised() ? tooManyRequests : 0;
    }

    public double maxSpanRatio() {
        return dialect == Dialect.PURE_429 ? 1.15 : 1.05;
    }

    /** Issue 14's targets for this dialect. */
    public boolean meetsTarget() {
        boolean common = spanRatio() <= maxSpanRatio() && fetched == requests
                && maxPerSecondAfterFirst <= rate + LimitRule.BURST;
        return switch (dialect) {
            case RETRY_AFTER_ONLY -> common && tooManyShare() <= 0.01;
            case PURE_429 -> common && tooManyShare() <= 0.03;
            default -> common && overAdvertisedLimit() == 0;
        };
    }
}

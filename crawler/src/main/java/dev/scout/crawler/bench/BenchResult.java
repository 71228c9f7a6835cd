package dev.scout.crawler.bench;

/**
 * What one benchmark scenario measured.
 *
 * @param requests         profile requests asked of the fetcher
 * @param fetched          of those, ended as Fetched (the rest were lost)
 * @param httpRequests     HTTP requests sent, including robots.txt and repeats after 429
 * @param tooManyRequests  429 answers received
 * @param overLimit        requests the servers counted over their limit
 * @param wallMillis       time from the first request to the last outcome
 * @param idealMillis      requests / (hosts × R)
 * @param peakHeapBytes    peak heap use during the run
 */
public record BenchResult(Scenario scenario, int requests, long fetched, long httpRequests, long tooManyRequests,
                          long overLimit, long wallMillis, long idealMillis, long peakHeapBytes) {

    public double wallRatio() {
        return (double) wallMillis / idealMillis;
    }

    public double tooManyShare() {
        return (double) tooManyRequests / requests;
    }

    public double requestsPerProfile() {
        return (double) httpRequests / requests;
    }

    /** Whether the scenario met its target from issue 3. */
    public boolean meetsTarget() {
        boolean wall = wallRatio() <= scenario.maxWallRatio();
        boolean lossless = fetched == requests;
        return switch (scenario) {
            case ADVERTISED_LIMIT, FOUR_HOSTS -> wall && lossless && overLimit == 0;
            case RETRY_AFTER_ONLY -> wall && lossless && tooManyShare() <= 0.03;
        };
    }
}

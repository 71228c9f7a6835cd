package dev.scout.crawler.http;

/**
 * Politeness for one host, overriding the fetcher's defaults (platform adapters supply per-platform defaults; the
 * app supplies per-instance rates from config).
 *
 * @param requestsPerSecond the most we send to this host; server-advertised limits and robots.txt Crawl-delay can only
 *                          slow this down, never speed it up; must be &gt; 0
 * @param maxInFlight       concurrent requests to this host, at least 1
 */
public record HostPolicy(double requestsPerSecond, int maxInFlight) {
    public HostPolicy {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("HostPolicy.requestsPerSecond must be a positive number, was "
                    + requestsPerSecond);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("HostPolicy.maxInFlight must be at least 1, was " + maxInFlight);
        }
    }
}

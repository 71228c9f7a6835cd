package dev.scout.crawler.http;

import java.util.OptionalDouble;

/**
 * Politeness for one host, overriding the fetcher's defaults (platform adapters supply per-platform defaults; the
 * app supplies per-instance rates from config).
 *
 * @param requestsPerSecond   the most we send to this host; server-advertised limits and robots.txt Crawl-delay can
 *                            only slow this down, never speed it up; must be &gt; 0
 * @param maxInFlight         concurrent requests to this host, at least 1
 * @param usageCeilingPercent usage share (of a budget the host reports in percent, as Meta's {@code X-App-Usage})
 *                            to stay under, in (0, 100]; empty for the fetcher's default
 */
public record HostPolicy(double requestsPerSecond, int maxInFlight, OptionalDouble usageCeilingPercent) {
    public HostPolicy {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("HostPolicy.requestsPerSecond must be a positive number, was "
                    + requestsPerSecond);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("HostPolicy.maxInFlight must be at least 1, was " + maxInFlight);
        }
        java.util.Objects.requireNonNull(usageCeilingPercent, "usageCeilingPercent");
        if (usageCeilingPercent.isPresent()
                && !(usageCeilingPercent.getAsDouble() > 0 && usageCeilingPercent.getAsDouble() <= 100)) {
            throw new IllegalArgumentException("HostPolicy.usageCeilingPercent must be in (0, 100], was "
                    + usageCeilingPercent.getAsDouble());
        }
    }

    /** A policy with the fetcher's default usage ceiling. */
    public HostPolicy(double requestsPerSecond, int maxInFlight) {
        this(requestsPerSecond, maxInFlight, OptionalDouble.empty());
    }
}

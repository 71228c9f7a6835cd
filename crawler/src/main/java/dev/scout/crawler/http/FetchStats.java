package dev.scout.crawler.http;

import java.util.Map;

/**
 * Counters per host for a run: the run summary prints them and the app writes them as JSON.
 *
 * @param hosts per host key ({@code host:port})
 */
public record FetchStats(Map<String, HostStats> hosts) {

    public FetchStats {
        hosts = Map.copyOf(hosts);
    }

    /**
     * @param requests        HTTP requests sent (including retries and robots.txt)
     * @param responsesByClass responses by status class ("2xx", "3xx", "4xx", "5xx")
     * @param tooManyRequests 429 responses
     * @param retries         retried attempts
     * @param bytes           body bytes received (decompressed)
     * @param waitMillis      time requests spent waiting on rate limits, server resets and Retry-After
     * @param outcomes        final outcomes by outcome type simple name (Fetched, Gone, RobotsDenied, …)
     * @param circuitTransitions circuit breaker state changes, e.g. "CLOSED_TO_OPEN"
     */
    public record HostStats(
            long requests,
            Map<String, Long> responsesByClass,
            long tooManyRequests,
            long retries,
            long bytes,
            long waitMillis,
            Map<String, Long> outcomes,
            Map<String, Long> circuitTransitions) {
        public HostStats {
            responsesByClass = Map.copyOf(responsesByClass);
            outcomes = Map.copyOf(outcomes);
            circuitTransitions = Map.copyOf(circuitTransitions);
        }
    }

    public long totalRequests() {
        return hosts.values().stream().mapToLong(HostStats::requests).sum();
    }

    public long totalTooManyRequests() {
        return hosts.values().stream().mapToLong(HostStats::tooManyRequests).sum();
    }
}

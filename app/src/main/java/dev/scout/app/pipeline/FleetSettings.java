package dev.scout.app.pipeline;

import dev.scout.config.CrawlConfig;
import dev.scout.config.ScoutConfig;

import java.time.Duration;

/**
 * How a fleet worker behaves.
 *
 * @param lease    how long a host lease runs from each renewal (renewed every third of it); a killed worker's hosts
 *                 are taken over this long after its last renewal
 * @param margin   kept free at the end of every lease: a request leaves only when the lease runs at least this long
 * @param maxHosts hosts one worker leases at a time
 * @param poll     how long an idle worker waits before looking for work again
 * @param machine  the machine name shown by {@code scout status}
 * @param reconnectFor how long a worker keeps trying to reach a store it lost before it gives up (exit 1)
 */
public record FleetSettings(Duration lease, Duration margin, int maxHosts, Duration poll, String machine,
                            Duration reconnectFor) {
    public FleetSettings {
        if (margin.isNegative() || margin.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("lease margin " + margin + " must be shorter than the lease " + lease);
        }
        if (maxHosts < 1) {
            throw new IllegalArgumentException("maxHosts must be at least 1, got " + maxHosts);
        }
    }

    /** 30 s leases with a 5 s margin, 4 hosts per worker, 1 s idle poll, 10 min of reconnecting. */
    public static FleetSettings defaults(String machine) {
        return new FleetSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 4, Duration.ofSeconds(1), machine,
                Duration.ofMinutes(10));
    }

    /**
     * {@code config} with its concurrency fitted to this worker: it crawls at most {@link #maxHosts} hosts at a time,
     * each with {@code crawl.maxInFlightPerHost} seats, so more crawl threads than that could only claim entries ahead
     * of time, hold them from the other workers and wake up, all of them, to ask the database for more at every
     * batch's end.
     */
    public ScoutConfig fitted(ScoutConfig config) {
        CrawlConfig crawl = config.crawl();
        int useful = Math.max(crawl.maxInFlightPerHost(), maxHosts * crawl.maxInFlightPerHost());
        return crawl.maxInFlightTotal() <= useful ? config : config.withCrawl(crawl.withMaxInFlightTotal(useful));
    }

    /** These settings with another host budget. */
    public FleetSettings withMaxHosts(int n) {
        return new FleetSettings(lease, margin, n, poll, machine, reconnectFor);
    }
}

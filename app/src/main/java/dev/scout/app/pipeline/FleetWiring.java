package dev.scout.app.pipeline;

import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.http.HostPermit;
import dev.scout.crawler.http.RateMemory;
import dev.scout.model.ProfileRef;

import java.util.function.Function;

/**
 * What makes a run's objects a fleet worker's: the permit asked before each request, the hosts' learned rates kept
 * with their leases, and the fleet's frontier.
 */
public interface FleetWiring {

    /** Asked by the fetcher right before every request. */
    HostPermit permit();

    /** Where the fetcher starts hosts from and reports their learned rates (kept with the host leases). */
    RateMemory rateMemory();

    /** The frontier the crawl engine claims from, over the store's own; {@code hostOf} names a profile's host. */
    Frontier frontier(Frontier store, Function<ProfileRef, String> hostOf);
}

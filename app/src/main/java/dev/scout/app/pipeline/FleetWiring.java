package dev.scout.app.pipeline;

import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.http.HostPermit;
import dev.scout.model.ProfileRef;

import java.util.function.Function;

/** What makes a run's objects a fleet worker's: the permit asked before each request, and the fleet's frontier. */
public interface FleetWiring {

    /** Asked by the fetcher right before every request. */
    HostPermit permit();

    /** The frontier the crawl engine claims from, over the store's own; {@code hostOf} names a profile's host. */
    Frontier frontier(Frontier store, Function<ProfileRef, String> hostOf);
}

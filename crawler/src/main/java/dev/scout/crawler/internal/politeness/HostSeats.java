package dev.scout.crawler.internal.politeness;

/**
 * Seats on a host for callers that run a sequence of requests to it (a crawl worker's batch of profiles): the
 * caller-side face of the per-host scheduler, as OkHttp's {@code Dispatcher} counts calls per host. A caller holding
 * no seat does not start work on the host; one that gets none is told when to try again instead of polling.
 * Implementations are thread-safe.
 */
public interface HostSeats {

    /**
     * Takes a seat on {@code hostKey} when the host has one free and may send now; otherwise registers
     * {@code onMayBeFree} to run once, without any lock of the seats held (possibly on the thread giving a seat back,
     * so it must be quick and must not block), when that may have changed, and returns false. Every {@code true} must be followed by one {@link #give}.
     */
    boolean tryTake(String hostKey, Runnable onMayBeFree);

    /** Gives back a seat taken with {@link #tryTake}. */
    void give(String hostKey);
}

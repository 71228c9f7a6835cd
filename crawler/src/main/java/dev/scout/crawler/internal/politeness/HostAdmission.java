package dev.scout.crawler.internal.politeness;

/**
 * May this host send now? The one outside say in when a host's next request goes, asked by the host's lane before it
 * starts a request and by {@link HostSeats} before a caller starts work on the host (e.g. "this process holds the
 * host's lease" when several crawl processes share one frontier). When the answer may have turned to yes, call
 * {@link HostScheduler#admissionChanged(String)}. Implementations must be fast, thread-safe and must not call back into
 * the scheduler.
 */
@FunctionalInterface
public interface HostAdmission {

    boolean mayStart(String hostKey);

    /** Every host may always send (a single crawl process). */
    static HostAdmission always() {
        return host -> true;
    }
}

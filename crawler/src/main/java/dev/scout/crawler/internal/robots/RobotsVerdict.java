package dev.scout.crawler.internal.robots;

import java.time.Duration;
import java.util.Optional;

/** Whether one URL may be fetched according to its host's robots.txt. */
public sealed interface RobotsVerdict {

    /** Fetch it; {@code crawlDelay} is the host's Crawl-delay for us (already capped), if any. */
    record Allowed(Optional<Duration> crawlDelay) implements RobotsVerdict {
    }

    /** Do not fetch: disallowed by a rule of the host's robots.txt. */
    record Denied(String reason) implements RobotsVerdict {
    }

    /**
     * Do not fetch <em>for now</em>: robots.txt could not be read (5xx, 429, network error), which RFC 9309 §2.3.1.4
     * treats as a complete disallow until it can be read again. A transient state, not a rule.
     */
    record Unavailable(String reason) implements RobotsVerdict {
    }

    /** The host's address is refused by the guard; nothing on it can be fetched. */
    record Refused(String address, String reason) implements RobotsVerdict {
    }
}

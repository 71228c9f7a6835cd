package dev.scout.crawler.platform.meta;

import dev.scout.crawler.platform.PlatformException;
import dev.scout.model.Platform;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Keeps one Meta app's usage under a ceiling (reference §1.7) and stops every call after Meta throttles us.
 *
 * <p>INTERIM, to be reconciled with the host politeness layer: the fetcher's politeness is being taught to read
 * {@code X-App-Usage} / {@code X-Business-Use-Case-Usage} on every host; until that lands this gate is the one place
 * that reads them for Instagram and Threads. It is deliberately not a pacer (no waiting, no sleeping): before each
 * call it either lets the call go or refuses it with {@link PlatformException.Kind#QUOTA_EXHAUSTED} and the time to
 * come back, and the crawl engine then parks the platform's remaining profiles for a later run.
 *
 * <ul>
 *   <li>A call is refused when the last reported usage plus one step per call in flight (and this one) would pass
 *       the ceiling. The step is the largest rise between two consecutive reports (1 point until two reports are
 *       seen), so once learned the reported usage never passes the ceiling.</li>
 *   <li>After a ceiling stop, Scout comes back after {@link #CEILING_PAUSE} (Meta gives no time for the rolling
 *       hour) and spends one call to read the new usage.</li>
 *   <li>{@code estimated_time_to_regain_access} and the throttle codes (4, 17, 32, 613, 80002) stop every call until
 *       the time Meta gives, else for {@link #FIRST_THROTTLE_PAUSE} doubling per throttle up to
 *       {@link #MAX_THROTTLE_PAUSE}: Meta says more calls while throttled prolong the throttle.</li>
 *   <li>An invalid token or a missing permission stops every call for the rest of the run: each would fail alike.</li>
 * </ul>
 * Thread-safe; time comes from the injected clock.
 */
public final class UsageGate {
    /** Pause after a ceiling stop; Scout's choice (the rolling hour gives no reset time). */
    public static final Duration CEILING_PAUSE = Duration.ofMinutes(10);
    /** First pause after a throttle error without a time from Meta; Scout's choice, doubled per repeat. */
    public static final Duration FIRST_THROTTLE_PAUSE = Duration.ofMinutes(15);
    public static final Duration MAX_THROTTLE_PAUSE = Duration.ofHours(1);

    private final Platform platform;
    private final int ceilingPct;
    private final Clock clock;

    private int lastPct = -1;
    private int step = 1;
    private int highestPct = -1;
    private int inFlight;
    private Instant blockedUntil = Instant.MIN;
    private String blockReason = "";
    private boolean probeAfterBlock;
    private int throttles;
    private Optional<String> fatal = Optional.empty();

    /** @param ceilingPct usage (percent of Meta's limit) never to pass, 1–100 */
    public UsageGate(Platform platform, int ceilingPct, Clock clock) {
        if (ceilingPct < 1 || ceilingPct > 100) {
            throw new IllegalArgumentException("platforms." + platform.key() + ".usageCeilingPct must be 1-100, was "
                    + ceilingPct);
        }
        this.platform = Objects.requireNonNull(platform, "platform");
        this.ceilingPct = ceilingPct;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Takes a slot for one call, or refuses it. Every successful {@code acquire} must be followed by one
     * {@link #release}.
     *
     * @throws PlatformException QUOTA_EXHAUSTED with {@code retryAt} while stopped; REJECTED after a fatal error
     */
    public synchronized void acquire(String subject, URI url) throws PlatformException {
        if (fatal.isPresent()) {
            throw new PlatformException(platform, subject, url, PlatformException.Kind.REJECTED,
                    "not sent: " + fatal.get());
        }
        Instant now = clock.instant();
        if (now.isBefore(blockedUntil)) {
            throw stopped(subject, url);
        }
        if (probeAfterBlock) {
            // The pause is over: the usage we last saw is stale, one call measures it again.
            probeAfterBlock = false;
            lastPct = -1;
        }
        if (lastPct >= 0 && lastPct + (long) step * (inFlight + 1) > ceilingPct) {
            block(now.plus(CEILING_PAUSE), "usage is at " + lastPct + "% of Meta's hourly limit and the next call"
                    + " would pass the ceiling of " + ceilingPct + "% (platforms." + platform.key() + ".usageCeilingPct)");
            probeAfterBlock = true;
            throw stopped(subject, url);
        }
        inFlight++;
    }

    /** The call taken by {@link #acquire} is over (whatever its result). */
    public synchronized void release() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /** A response arrived with these usage headers. */
    public synchronized void observe(GraphUsage usage) {
        if (usage.percent().isPresent()) {
            int p = usage.percent().getAsInt();
            if (lastPct >= 0 && p > lastPct) {
                step = Math.max(step, p - lastPct);
            }
            lastPct = p;
            highestPct = Math.max(highestPct, p);
        }
        if (!usage.regainAccessIn().isZero()) {
            block(clock.instant().plus(usage.regainAccessIn()), "Meta asks Scout to wait "
                    + usage.regainAccessIn().toMinutes() + " min (estimated_time_to_regain_access)");
        }
    }

    /**
     * Meta answered with a throttle code: stops every call and returns when to come back (Meta's own estimate when a
     * usage header gave one, else the doubling pause).
     */
    public synchronized Instant throttled(GraphError error) {
        Instant now = clock.instant();
        Duration pause = FIRST_THROTTLE_PAUSE.multipliedBy(1L << Math.min(throttles, 6));
        if (pause.compareTo(MAX_THROTTLE_PAUSE) > 0) {
            pause = MAX_THROTTLE_PAUSE;
        }
        throttles++;
        Instant until = blockedUntil.isAfter(now) ? blockedUntil : now.plus(pause);
        block(until, "Meta throttled Scout (" + error + ")");
        probeAfterBlock = true;
        return until;
    }

    /** Every further call would fail the same way (invalid token, missing permission): refuse them all. */
    public synchronized void fatal(String detail) {
        fatal = Optional.of(detail);
    }

    /** The highest usage percentage any response reported; empty before the first report. */
    public synchronized OptionalInt highestPct() {
        return highestPct < 0 ? OptionalInt.empty() : OptionalInt.of(highestPct);
    }

    public int ceilingPct() {
        return ceilingPct;
    }

    private void block(Instant until, String reason) {
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
            blockReason = reason;
        }
    }

    private PlatformException stopped(String subject, URI url) {
        return new PlatformException(platform, subject, url, PlatformException.Kind.QUOTA_EXHAUSTED,
                OptionalInt.empty(), blockReason + "; no " + platform.key() + " calls until " + blockedUntil,
                Optional.of(blockedUntil), null).withReasonCode("usage-ceiling");
    }
}

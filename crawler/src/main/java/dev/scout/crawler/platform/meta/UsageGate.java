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
 * Stops every call to one Meta platform after Meta throttles us or refuses the token (reference §1.7). It is not a
 * pacer and does not read usage percentages: the fetcher's host pacer is the one place that paces on
 * {@code X-App-Usage} / {@code X-Business-Use-Case-Usage}, keeping usage under {@code platforms.<platform>.usageCeilingPct};
 * when that would hold the host past {@code crawl.rateLimitWaitCap} the call fails as QUOTA_EXHAUSTED with the time
 * to come back. This gate adds what only Graph error bodies say:
 * <ul>
 *   <li>{@code estimated_time_to_regain_access} and the throttle codes (4, 17, 32, 613, 80002) stop every call until
 *       the time Meta gives, else for {@link #FIRST_THROTTLE_PAUSE} doubling per throttle up to
 *       {@link #MAX_THROTTLE_PAUSE}: Meta says more calls while throttled prolong the throttle.</li>
 *   <li>An invalid token or a missing permission stops every call for the rest of the run: each would fail alike.</li>
 * </ul>
 * Before each call it either lets the call go or refuses it with {@link PlatformException.Kind#QUOTA_EXHAUSTED} and
 * the time to come back, and the crawl engine then parks the platform's remaining profiles for a later run.
 * Thread-safe; time comes from the injected clock.
 */
public final class UsageGate {
    /** First pause after a throttle error without a time from Meta; Scout's choice, doubled per repeat. */
    public static final Duration FIRST_THROTTLE_PAUSE = Duration.ofMinutes(15);
    public static final Duration MAX_THROTTLE_PAUSE = Duration.ofHours(1);

    private final Platform platform;
    private final Clock clock;

    private Instant blockedUntil = Instant.MIN;
    private String blockReason = "";
    private int throttles;
    private Optional<String> fatal = Optional.empty();

    public UsageGate(Platform platform, Clock clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Lets one call go, or refuses it.
     *
     * @throws PlatformException QUOTA_EXHAUSTED with {@code retryAt} while stopped; REJECTED after a fatal error
     */
    public synchronized void acquire(String subject, URI url) throws PlatformException {
        if (fatal.isPresent()) {
            throw new PlatformException(platform, subject, url, PlatformException.Kind.REJECTED,
                    "not sent: " + fatal.get());
        }
        if (clock.instant().isBefore(blockedUntil)) {
            throw stopped(subject, url);
        }
    }

    /** A response arrived with these usage headers; only Meta's time to regain access matters here. */
    public synchronized void observe(GraphUsage usage) {
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
        return until;
    }

    /** Every further call would fail the same way (invalid token, missing permission): refuse them all. */
    public synchronized void fatal(String detail) {
        fatal = Optional.of(detail);
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
                Optional.of(blockedUntil), null).withReasonCode("throttled");
    }
}

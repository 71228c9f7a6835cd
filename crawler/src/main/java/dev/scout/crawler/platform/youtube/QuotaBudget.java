package dev.scout.crawler.platform.youtube;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The YouTube Data API daily quota, tracked in units (reference §3.7): the default project gets 10,000 units a day,
 * reset at midnight Pacific Time; every list call costs 1 unit. Calls are refused while they would dip into the
 * reserve, so the crawl stops cleanly before the API starts answering {@code quotaExceeded}. Thread-safe.
 */
public final class QuotaBudget {
    /** Where the daily quota resets. */
    public static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    public static final long DEFAULT_DAILY_UNITS = 10_000;

    private final long dailyUnits;
    private final long reserve;
    private final Clock clock;
    private LocalDate day;
    private long used;
    private boolean exhausted;

    /**
     * @param dailyUnits units the project may spend per Pacific day
     * @param reserve    units never spent by the crawler (left for other uses of the key and for safety)
     */
    public QuotaBudget(long dailyUnits, long reserve, Clock clock) {
        if (dailyUnits <= 0 || reserve < 0 || reserve >= dailyUnits) {
            throw new IllegalArgumentException("platforms.youtube quota: need 0 <= reserve < dailyUnits (got dailyUnits "
                    + dailyUnits + ", reserve " + reserve + ")");
        }
        this.dailyUnits = dailyUnits;
        this.reserve = reserve;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.day = LocalDate.now(clock.withZone(PACIFIC));
    }

    /** Takes {@code units} if they fit under {@code dailyUnits - reserve} today; false (nothing taken) otherwise. */
    public synchronized boolean tryTake(long units) {
        roll();
        if (exhausted || used + units > dailyUnits - reserve) {
            return false;
        }
        used += units;
        return true;
    }

    /** The API said the quota is spent (another user of the key, or our count was off): refuse until the reset. */
    public synchronized void markExhausted() {
        roll();
        exhausted = true;
    }

    public synchronized long used() {
        roll();
        return used;
    }

    /** Units still available to the crawler today. */
    public synchronized long remaining() {
        roll();
        return exhausted ? 0 : Math.max(0, dailyUnits - reserve - used);
    }

    /** The next midnight Pacific Time, when the quota refills. */
    public synchronized Instant resetsAt() {
        return LocalDate.now(clock.withZone(PACIFIC)).plusDays(1).atStartOfDay(PACIFIC).toInstant();
    }

    private void roll() {
        LocalDate today = LocalDate.now(clock.withZone(PACIFIC));
        if (!today.equals(day)) {
            day = today;
            used = 0;
            exhausted = false;
        }
    }
}

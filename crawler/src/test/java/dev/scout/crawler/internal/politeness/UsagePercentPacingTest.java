package dev.scout.crawler.internal.politeness;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage percentages as Meta reports them — whole numbers, rounded up, of a rolling hour — read by the pacer on a fake
 * nano clock. Regression: the first call of a 10,000-call budget reads 1%, which was taken as "1% per call" and
 * spread 80 calls over an hour (Instagram crawls and their tests stalled; reverted in 195aa0a).
 */
class UsagePercentPacingTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final long HOUR = 3_600 * S;

    /** Meta's rolling-hour app usage: calls in the last hour against a budget, as a whole percentage rounded up. */
    private static final class MetaAppUsage {
        final int callsPerHour;
        final ArrayDeque<Long> calls = new ArrayDeque<>();
        int highest;

        MetaAppUsage(int callsPerHour) {
            this.callsPerHour = callsPerHour;
        }

        int call(long now) {
            while (!calls.isEmpty() && calls.peekFirst() <= now - HOUR) {
                calls.pollFirst();
            }
            calls.addLast(now);
            int pct = (int) Math.ceil(100.0 * calls.size() / callsPerHour);
            highest = Math.max(highest, pct);
            return pct;
        }
    }

    /** One request at a time, answered after 50 ms; returns the start times. */
    private static long[] drive(HostPacer pacer, MetaAppUsage meta, int calls) {
        long[] startsAt = new long[calls];
        long t = 0;
        for (int i = 0; i < calls; i++) {
            t = Math.max(t, pacer.earliestStart(t));
            startsAt[i] = t;
            pacer.onStart(t);
            t += 50 * MS;
            int pct = meta.call(t - 25 * MS);
            pacer.onUsage(new UsageReport(Math.min(100, pct), Optional.empty()), t, 0);
            pacer.onAnswer(t);
        }
        return startsAt;
    }

    @Test
    void oneWholePercentAfterTheFirstCallDoesNotSlowTheHostBelowItsConfiguredRate() {
        // 10,000 calls an hour: 1% is 100 calls, yet the first call already reads 1%.
        HostPacer pacer = new HostPacer(5, 80, Duration.ofHours(1));
        MetaAppUsage meta = new MetaAppUsage(10_000);

        long[] starts = drive(pacer, meta, 100);

        // Until the percentage moves nothing is known that should slow us: the configured 200 ms spacing holds.
        assertThat(starts[99]).isLessThanOrEqualTo(99 * 200 * MS + 100 * MS);
    }

    @Test
    void callsCountedPerPercentStepBoundTheCostCloseToTheTruthAndFromTheSafeSide() {
        HostPacer pacer = new HostPacer(5, 80, Duration.ofHours(1));
        MetaAppUsage meta = new MetaAppUsage(10_000);

        drive(pacer, meta, 300);

        // True cost 0.01% per call: 80% allows 8,000 calls an hour (2.22/s). The bound may only err on the slow side.
        double rate = pacer.sustainedRate(HOUR / 10);
        assertThat(rate).isBetween(0.9 * 8_000 / 3_600.0, 8_000 / 3_600.0);
    }

    @Test
    void aSmallBudgetIsSpreadAndUsageNeverPassesTheCeilingOverTwoHours() {
        // 400 calls an hour (4 calls per percent), configured far too fast.
        HostPacer pacer = new HostPacer(50, 80, Duration.ofHours(1));
        MetaAppUsage meta = new MetaAppUsage(400);
        long t = 0;
        int calls = 0;
        while (t < 2 * HOUR) {
            t = Math.max(t, pacer.earliestStart(t));
            if (t >= 2 * HOUR) {
                break;
            }
            pacer.onStart(t);
            t += 50 * MS;
            int pct = meta.call(t - 25 * MS);
            pacer.onUsage(new UsageReport(Math.min(100, pct), Optional.empty()), t, 0);
            calls++;
        }

        assertThat(meta.highest).isLessThanOrEqualTo(80);
        // 80% of 400 is 320 an hour; spreading on a safe bound keeps most of it over two hours.
        assertThat(calls).isBetween((int) (0.85 * 640), 640);
    }
}

package dev.scout.crawler.internal.politeness;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regressions for the lane's wake-ups, on a fake clock and a scheduler the test fires by hand: a queued task must
 * always have a wake-up coming (or a running task whose end pumps the lane), or its request never completes.
 */
class HostLaneWakeTest {
    private static final long MS = 1_000_000L;
    private static final String HOST = "bsky.example:443";

    private final AtomicLong nanos = new AtomicLong(1_000 * MS);
    private final FakeScheduler timer = new FakeScheduler();
    private final List<String> started = new ArrayList<>();
    private final HostScheduler scheduler = new HostScheduler(timer, new TimeSource() {
        @Override
        public long nanoTime() {
            return nanos.get();
        }

        @Override
        public Instant now() {
            return Instant.ofEpochSecond(0, nanos.get());
        }
    }, 16, Duration.ofMinutes(1).toNanos(), Duration.ofMinutes(10).toNanos(), host -> spec(), rejected -> {
    });

    /** 10 requests per second: starts 100 ms apart; up to 4 at once. */
    private HostScheduler.LaneSpec spec() {
        return new HostScheduler.LaneSpec(4, new HostPacer(10), CircuitBreaker.ofDefaults(HOST));
    }

    private LaneTask task(String name) {
        return new LaneTask() {
            @Override
            public void start(long waitedNanos) {
                started.add(name);
            }

            @Override
            public void circuitOpenTooLong(long waitedNanos) {
                started.add(name + " (circuit)");
            }

            @Override
            public void pacedTooLong(long waitNanos) {
                started.add(name + " (paced too long)");
            }
        };
    }

    @Test
    void theNextQueuedTaskGetsAWakeUpAfterAWakeStartedTheOneBeforeIt() {
        scheduler.submit(HOST, task("a"), false);
        scheduler.submit(HOST, task("b"), false);
        scheduler.submit(HOST, task("c"), false);
        assertThat(started).containsExactly("a");

        nanos.addAndGet(100 * MS);
        assertThat(timer.runNext()).isTrue();
        assertThat(started).containsExactly("a", "b");
        // The wake that started b is spent: c needs a wake of its own, not that one.
        assertThat(timer.pending()).as("wake-ups pending for c").isEqualTo(1);

        nanos.addAndGet(100 * MS);
        assertThat(timer.runNext()).isTrue();
        assertThat(started).containsExactly("a", "b", "c");
    }

    @Test
    void aWakeThatFiresBeforeTheLaneClockReachesItsTimeIsReplacedNotCountedOn() {
        scheduler.submit(HOST, task("a"), false);
        scheduler.submit(HOST, task("b"), false);
        assertThat(timer.pending()).isEqualTo(1);

        // The executor's clock and the lane's time source disagree (or the time was read a moment early): the wake
        // fires while the pacer still says "not yet". It must leave another wake behind, not rely on itself.
        assertThat(timer.runNext()).isTrue();
        assertThat(started).containsExactly("a");
        assertThat(timer.pending()).as("wake-ups pending for b").isEqualTo(1);

        nanos.addAndGet(100 * MS);
        assertThat(timer.runNext()).isTrue();
        assertThat(started).containsExactly("a", "b");
    }

    @Test
    void aPendingWakeThatIsDueSoonEnoughIsReusedRatherThanDuplicated() {
        scheduler.submit(HOST, task("a"), false);
        for (int i = 0; i < 5; i++) {
            scheduler.submit(HOST, task("q" + i), false);
        }
        assertThat(timer.pending()).isEqualTo(1);
    }
}

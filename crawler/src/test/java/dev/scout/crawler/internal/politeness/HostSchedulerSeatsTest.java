package dev.scout.crawler.internal.politeness;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one per-host scheduler: seats for crawl workers sized by the lane's own cap and callbacks instead of polling.
 * Fake clock, hand-fired timer.
 */
class HostSchedulerSeatsTest {
    private static final long MS = 1_000_000L;
    private static final String SLOW = "slow.example:443";
    private static final String FAST = "fast.example:443";

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
    }, 16, Duration.ofMinutes(1).toNanos(), Duration.ofMinutes(10).toNanos(),
            host -> new HostScheduler.LaneSpec(2, new HostPacer(1000), CircuitBreaker.ofDefaults(host)),
            rejected -> {
            });

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
    void aHostHasAsManySeatsAsItsLaneTakesRequestsAndASaturatedHostLeavesRoomForOthers() {
        AtomicInteger wakes = new AtomicInteger();

        assertThat(scheduler.tryTake(SLOW, wakes::incrementAndGet)).isTrue();
        assertThat(scheduler.tryTake(SLOW, wakes::incrementAndGet)).isTrue();
        assertThat(scheduler.tryTake(SLOW, wakes::incrementAndGet)).as("the lane's cap of 2").isFalse();
        assertThat(scheduler.tryTake(FAST, wakes::incrementAndGet)).isTrue();
        assertThat(wakes).hasValue(0);

        scheduler.give(SLOW);
        assertThat(wakes).as("the waiting caller is told, once").hasValue(1);
        assertThat(scheduler.tryTake(SLOW, wakes::incrementAndGet)).isTrue();
    }

    @Test
    void aHostPacedLongerThanTheWaitCapEndsItsQueuedRequestsAtOnce() {
        scheduler.updatePacer(SLOW, (pacer, inFlight, now) -> pacer.pauseUntil(now + Duration.ofMinutes(30).toNanos()));

        scheduler.submit(SLOW, task("a"), false);
        scheduler.submit(SLOW, task("b"), false);

        assertThat(started).containsExactly("a (paced too long)", "b (paced too long)");
    }
}

package dev.scout.crawler.internal.politeness;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Where the fetcher reads time: a monotonic nano counter for pacing and a wall clock for server timestamps
 * ({@code X-RateLimit-Reset}, HTTP dates). Injected so tests can run on a fake clock. Implementations are thread-safe.
 */
public interface TimeSource {

    /** Monotonic nanoseconds, comparable only with other values from the same source. */
    long nanoTime();

    /** The current wall-clock instant. */
    Instant now();

    /** The JVM's clocks. */
    static TimeSource system() {
        return SystemTime.INSTANCE;
    }

    /** This source as a {@link Clock} (UTC), for libraries that take one. */
    default Clock asClock() {
        TimeSource self = this;
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException("the fetcher's clock is always UTC");
            }

            @Override
            public Instant instant() {
                return self.now();
            }
        };
    }

    /** The system clocks. */
    enum SystemTime implements TimeSource {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }
    }
}

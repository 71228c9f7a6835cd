package dev.scout.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Tuning of a {@link SqliteStore}. Defaults suit a rate-limited crawl on a laptop; tests shorten timeouts and
 * inject a clock.
 *
 * @param clock          source of {@code updated_at}, run start/end and retention times
 * @param busyTimeout    how long to wait for another process's lock before failing with {@link StoreException.Kind#LOCKED}
 * @param maxBatch       most queued writes committed in one transaction
 * @param maxDelay       longest a queued write waits for companions before its transaction commits
 * @param queueCapacity  queued writes beyond which {@code accept} blocks (back-pressure bounds memory)
 * @param textRetention  how long raw post text is kept
 * @param fullSync       {@code true}: every commit reaches the disk before it is acknowledged (survives power loss);
 *                       {@code false}: commits survive a killed process but the last ones may be lost on power loss
 * @param maxPageCount   cap on the database size in pages (4 KiB each); for quotas and disk-full tests
 * @param exclusive      {@code true}: hold an OS lock on the sidecar file {@code <store>.lock} while open and refuse
 *                       to open ({@link StoreException.Kind#IN_USE}) when another holder has it — for a run, which
 *                       must be the store's only writer; {@code false} (readers: status, export, report) takes no lock
 * @param checkPages     {@code true}: run SQLite's {@code PRAGMA quick_check} at open, before anything writes, and
 *                       refuse a damaged file ({@link StoreException.Kind#CORRUPT}) unchanged. It reads the whole
 *                       file (about 7 s for a 1.3 GB, 100,000-profile store), so readers that only count or page
 *                       through rows may turn it off: SQLite still refuses each damaged page they touch
 * @param pageCacheMib   SQLite's page cache for the connection, in MiB, outside the Java heap (SQLite's own default
 *                       is 2); the review app raises it so the candidate index stays in memory between requests
 */
public record StoreOptions(Clock clock, Duration busyTimeout, int maxBatch, Duration maxDelay, int queueCapacity,
                           TextRetention textRetention, boolean fullSync, OptionalLong maxPageCount, boolean exclusive,
                           boolean checkPages, int pageCacheMib) {

    public StoreOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(textRetention, "textRetention");
        Objects.requireNonNull(maxPageCount, "maxPageCount");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("store maxBatch must be >= 1, was " + maxBatch);
        }
        if (queueCapacity < maxBatch) {
            throw new IllegalArgumentException("store queueCapacity (" + queueCapacity + ") must be >= maxBatch (" + maxBatch + ")");
        }
        if (pageCacheMib < 1) {
            throw new IllegalArgumentException("store pageCacheMib must be >= 1, was " + pageCacheMib);
        }
        if (busyTimeout.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("store busyTimeout and maxDelay must not be negative");
        }
    }

    /**
     * Defaults: UTC system clock, 5 s busy timeout, batches of up to 256 writes or 50 ms, a queue of 1,024 writes
     * (a snapshot with a follower sample can be tens of KiB, so the queue stays well inside a 256 MiB heap), keep
     * text, full sync, no lock, pages checked at open, SQLite's default 2 MiB page cache.
     */
    public static StoreOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable, single-use builder; not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration busyTimeout = Duration.ofSeconds(5);
        private int maxBatch = 256;
        private Duration maxDelay = Duration.ofMillis(50);
        private int queueCapacity = 1024;
        private TextRetention textRetention = TextRetention.keep();
        private boolean fullSync = true;
        private OptionalLong maxPageCount = OptionalLong.empty();
        private boolean exclusive;
        private boolean checkPages = true;
        private int pageCacheMib = 2;

        private Builder() {
        }

        public Builder clock(Clock v) { this.clock = v; return this; }
        public Builder busyTimeout(Duration v) { this.busyTimeout = v; return this; }
        public Builder maxBatch(int v) { this.maxBatch = v; return this; }
        public Builder maxDelay(Duration v) { this.maxDelay = v; return this; }
        public Builder queueCapacity(int v) { this.queueCapacity = v; return this; }
        public Builder textRetention(TextRetention v) { this.textRetention = v; return this; }
        public Builder fullSync(boolean v) { this.fullSync = v; return this; }
        public Builder maxPageCount(long v) { this.maxPageCount = OptionalLong.of(v); return this; }
        public Builder exclusive(boolean v) { this.exclusive = v; return this; }
        public Builder checkPages(boolean v) { this.checkPages = v; return this; }
        public Builder pageCacheMib(int v) { this.pageCacheMib = v; return this; }

        public StoreOptions build() {
            return new StoreOptions(clock, busyTimeout, maxBatch, maxDelay, queueCapacity, textRetention, fullSync,
                    maxPageCount, exclusive, checkPages, pageCacheMib);
        }
    }
}

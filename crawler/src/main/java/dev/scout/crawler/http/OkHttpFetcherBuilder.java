package dev.scout.crawler.http;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.scout.crawler.cache.ResponseStore;
import dev.scout.crawler.internal.politeness.TimeSource;
import okhttp3.Dns;

import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * Builds an {@link OkHttpFetcher}. Everything except the settings is optional; the defaults are the real clocks,
 * the system resolver, no listener, an unseeded jitter source and a timer pool the fetcher owns and closes.
 * Not thread-safe.
 */
public final class OkHttpFetcherBuilder {
    final FetcherSettings settings;
    Optional<ScheduledExecutorService> timer = Optional.empty();
    TimeSource time = TimeSource.system();
    Ticker ticker = Ticker.systemTicker();
    FetchEvents events = FetchEvents.NONE;
    Dns dns = Dns.SYSTEM;
    RandomGenerator random = new SplittableRandom();
    ResponseStore responseStore = ResponseStore.NONE;
    HostPermit permit = HostPermit.ALWAYS;
    RateMemory rateMemory = RateMemory.NONE;

    OkHttpFetcherBuilder(FetcherSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The executor that wakes paused hosts and runs retries; the caller owns it and shuts it down. */
    public OkHttpFetcherBuilder scheduler(ScheduledExecutorService value) {
        this.timer = Optional.of(value);
        return this;
    }

    /** Clocks for pacing and server timestamps (the robots.txt cache uses {@link #ticker}). */
    public OkHttpFetcherBuilder timeSource(TimeSource value) {
        this.time = Objects.requireNonNull(value, "timeSource");
        return this;
    }

    /** Time source of the robots.txt cache's 24 h / retry expiry. */
    public OkHttpFetcherBuilder ticker(Ticker value) {
        this.ticker = Objects.requireNonNull(value, "ticker");
        return this;
    }

    public OkHttpFetcherBuilder events(FetchEvents value) {
        this.events = Objects.requireNonNull(value, "events");
        return this;
    }

    /** The resolver behind the address guard (tests map {@code *.example} names to 127.0.0.1). */
    public OkHttpFetcherBuilder dns(Dns value) {
        this.dns = Objects.requireNonNull(value, "dns");
        return this;
    }

    /** Source of retry jitter; seed it for reproducible tests. */
    public OkHttpFetcherBuilder random(RandomGenerator value) {
        this.random = Objects.requireNonNull(value, "random");
        return this;
    }

    /**
     * The persistent tier of the conditional-GET cache, so that a later run revalidates what this one fetched
     * (default {@link ResponseStore#NONE}: the cache lives as long as the fetcher). The caller owns and closes it.
     */
    public OkHttpFetcherBuilder responseStore(ResponseStore value) {
        this.responseStore = Objects.requireNonNull(value, "responseStore");
        return this;
    }

    /**
     * Consulted right before every request is sent (default {@link HostPermit#ALWAYS}); a refused request ends as
     * {@link FetchOutcome.FailureKind#HOST_NOT_OWNED} without reaching the server. Fleet workers pass their host leases.
     */
    public OkHttpFetcherBuilder hostPermit(HostPermit value) {
        this.permit = Objects.requireNonNull(value, "hostPermit");
        return this;
    }

    /**
     * Where hosts' learned rates are kept beyond this fetcher (default {@link RateMemory#NONE}): the fetcher starts a
     * host from the rate remembered there and reports what it learns. Fleet workers pass the rates kept with the
     * host leases.
     */
    public OkHttpFetcherBuilder rateMemory(RateMemory value) {
        this.rateMemory = Objects.requireNonNull(value, "rateMemory");
        return this;
    }

    public OkHttpFetcher build() {
        return new OkHttpFetcher(this);
    }
}

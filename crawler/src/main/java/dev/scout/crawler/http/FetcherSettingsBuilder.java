package dev.scout.crawler.http;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Builds {@link FetcherSettings}, starting from the documented defaults. Not thread-safe. */
public final class FetcherSettingsBuilder {
    private String userAgent = FetcherSettings.DEFAULT_USER_AGENT;
    private boolean allowPrivateAddresses;
    private Set<String> trustedPrivateHosts = Set.of();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(20);
    private Duration callTimeout = Duration.ofSeconds(60);
    private int maxInFlightPerHost = 2;
    private int maxInFlightTotal = 16;
    private double requestsPerSecond = 1.0;
    private Function<String, Optional<HostPolicy>> hostPolicies = host -> Optional.empty();
    private long maxBodyBytes = 5L * 1024 * 1024;
    private int maxRedirects = 5;
    private FetcherSettings.RetrySettings retry = FetcherSettings.RetrySettings.defaults();
    private FetcherSettings.CircuitSettings circuit = FetcherSettings.CircuitSettings.defaults();
    private long cacheMaxBytes = 64L * 1024 * 1024;
    private Duration crawlDelayCap = Duration.ofSeconds(30);
    private Optional<Duration> rateLimitWaitCap = Optional.empty();
    private double usageCeilingPercent = dev.scout.crawler.internal.politeness.HostPacer.DEFAULT_USAGE_CEILING;
    private Duration usageWindow = dev.scout.crawler.internal.politeness.HostPacer.DEFAULT_USAGE_WINDOW;
    private Duration learnedRateMaxAge = dev.scout.config.Defaults.LEARNED_RATE_MAX_AGE;

    FetcherSettingsBuilder() {
    }

    public FetcherSettingsBuilder userAgent(String value) {
        this.userAgent = value;
        return this;
    }

    public FetcherSettingsBuilder allowPrivateAddresses(boolean value) {
        this.allowPrivateAddresses = value;
        return this;
    }

    public FetcherSettingsBuilder trustedPrivateHosts(Set<String> value) {
        this.trustedPrivateHosts = value;
        return this;
    }

    public FetcherSettingsBuilder connectTimeout(Duration value) {
        this.connectTimeout = value;
        return this;
    }

    public FetcherSettingsBuilder readTimeout(Duration value) {
        this.readTimeout = value;
        return this;
    }

    public FetcherSettingsBuilder callTimeout(Duration value) {
        this.callTimeout = value;
        return this;
    }

    public FetcherSettingsBuilder maxInFlightPerHost(int value) {
        this.maxInFlightPerHost = value;
        return this;
    }

    public FetcherSettingsBuilder maxInFlightTotal(int value) {
        this.maxInFlightTotal = value;
        return this;
    }

    public FetcherSettingsBuilder requestsPerSecond(double value) {
        this.requestsPerSecond = value;
        return this;
    }

    public FetcherSettingsBuilder hostPolicies(Function<String, Optional<HostPolicy>> value) {
        this.hostPolicies = value;
        return this;
    }

    public FetcherSettingsBuilder maxBodyBytes(long value) {
        this.maxBodyBytes = value;
        return this;
    }

    public FetcherSettingsBuilder maxRedirects(int value) {
        this.maxRedirects = value;
        return this;
    }

    public FetcherSettingsBuilder retry(FetcherSettings.RetrySettings value) {
        this.retry = value;
        return this;
    }

    public FetcherSettingsBuilder circuit(FetcherSettings.CircuitSettings value) {
        this.circuit = value;
        return this;
    }

    public FetcherSettingsBuilder cacheMaxBytes(long value) {
        this.cacheMaxBytes = value;
        return this;
    }

    public FetcherSettingsBuilder crawlDelayCap(Duration value) {
        this.crawlDelayCap = value;
        return this;
    }

    /** Overrides the derived default of 5 × {@code retry.maxTotalDelay}. */
    public FetcherSettingsBuilder rateLimitWaitCap(Duration value) {
        this.rateLimitWaitCap = Optional.of(value);
        return this;
    }

    /** Usage percentage (Meta headers) to stay under, in (0, 100]; default 80. */
    public FetcherSettingsBuilder usageCeilingPercent(double value) {
        this.usageCeilingPercent = value;
        return this;
    }

    /** The rolling window usage percentages refer to; default one hour. */
    public FetcherSettingsBuilder usageWindow(Duration value) {
        this.usageWindow = value;
        return this;
    }

    /** A remembered host rate older than this is not started from; default one day. */
    public FetcherSettingsBuilder learnedRateMaxAge(Duration value) {
        this.learnedRateMaxAge = value;
        return this;
    }

    /** @throws InvalidFetcherSettingsException listing every broken rule */
    public FetcherSettings build() {
        Duration waitCap = rateLimitWaitCap.orElseGet(
                () -> retry == null || retry.maxTotalDelay() == null ? Duration.ofMinutes(10)
                        : retry.maxTotalDelay().multipliedBy(5));
        return new FetcherSettings(userAgent, allowPrivateAddresses, trustedPrivateHosts, connectTimeout, readTimeout,
                callTimeout, maxInFlightPerHost, maxInFlightTotal, requestsPerSecond, hostPolicies, maxBodyBytes,
                maxRedirects, retry, circuit, cacheMaxBytes, crawlDelayCap, waitCap,
                usageCeilingPercent, usageWindow, learnedRateMaxAge);
    }
}

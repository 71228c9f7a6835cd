/**
 * Per-host pacing without sleeping threads: {@link dev.scout.crawler.internal.politeness.HostScheduler} keeps one lane per
 * {@code host:port} — the single place that decides when a host's next request goes — each with a
 * {@link dev.scout.crawler.internal.politeness.HostPacer} that combines the configured rate, robots.txt Crawl-delay, the
 * server's advertised limit read as a rate and a burst ({@link dev.scout.crawler.internal.politeness.RateLimitHeaders} →
 * {@code QuotaModel}: a continuously refilled bucket or a window spread evenly), usage percentages kept under a
 * ceiling ({@link dev.scout.crawler.internal.politeness.UsageHeaders} → {@code UsageBudget}, read from every response of a
 * host, so a platform adapter needs nothing special), Retry-After pauses and, without headers, a rate learned from
 * 429s ({@code LearnedRate}); blocked lanes are woken by the scheduler at their next allowed time.
 */
package dev.scout.crawler.internal.politeness;

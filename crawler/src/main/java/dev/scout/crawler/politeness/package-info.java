/**
 * Per-host pacing without sleeping threads: {@link dev.scout.crawler.politeness.HostScheduler} keeps one lane per
 * {@code host:port}, each with a {@link dev.scout.crawler.politeness.HostPacer} that combines the configured rate,
 * robots.txt Crawl-delay, the server's advertised quota ({@link dev.scout.crawler.politeness.RateLimitHeaders}),
 * Retry-After pauses and a rate learned from 429s; blocked lanes are woken by the scheduler at their next allowed time.
 */
package dev.scout.crawler.politeness;

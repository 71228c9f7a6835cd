/**
 * The fetching layer's API ({@link dev.scout.crawler.http.Fetcher}, {@link dev.scout.crawler.http.FetchRequest},
 * {@link dev.scout.crawler.http.FetchOutcome}, {@link dev.scout.crawler.http.FetchStats},
 * {@link dev.scout.crawler.http.FetchEvents}, {@link dev.scout.crawler.http.FetcherSettings}) and its OkHttp
 * implementation.
 *
 * <p>A request's path through {@link dev.scout.crawler.http.OkHttpFetcher}, in this fixed order: URL and IP-literal
 * check (guard) → robots.txt for the origin (fetched once through the same path) → the host's lane (in-flight caps,
 * configured rate, Crawl-delay, server quota, 429/503 pauses, circuit breaker, resilience4j rate limiter, global
 * cap) → one HTTP exchange (DNS through the guard, body streamed with a cap) → the answer's meaning: quota headers
 * feed the pacer, then the request ends in an outcome or goes round again (redirect hop, retry after backoff, 429
 * wait). Nothing sleeps: waits are scheduled on the injected executor.
 *
 * <p>Two hooks let several processes share hosts (a fleet of workers): {@link dev.scout.crawler.http.HostPermit},
 * asked before every request, and {@link dev.scout.crawler.http.RateMemory}, from which a host's pacing starts and to
 * which it reports the rate it learned. Both default to what one process on its own needs.
 */
package dev.scout.crawler.http;

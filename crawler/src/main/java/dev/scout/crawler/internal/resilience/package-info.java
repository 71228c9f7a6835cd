/** resilience4j retry (full-jitter backoff, attempt and total-delay caps) and per-host circuit breakers. */
package dev.scout.crawler.internal.resilience;

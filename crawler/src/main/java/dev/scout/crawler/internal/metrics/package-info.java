/** Lock-free per-host counters behind {@link dev.scout.crawler.http.FetchStats}. */
package dev.scout.crawler.internal.metrics;

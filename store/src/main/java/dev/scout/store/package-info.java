/**
 * Scout's store: the crawl frontier under leases, profile snapshots over time, posts seen, scores per run, runs
 * and HTTP validators, kept between runs so that a killed run resumes and a later run re-fetches only what is
 * stale. The API is {@link dev.scout.store.Store}; {@link dev.scout.store.SqliteStore} is the embedded
 * implementation. See {@code docs/STORE.md}.
 */
package dev.scout.store;

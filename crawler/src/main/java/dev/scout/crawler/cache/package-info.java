/** The conditional-GET response cache: a byte-bounded memory tier in front of an optional persistent {@link dev.scout.crawler.cache.ResponseStore}. */
package dev.scout.crawler.cache;

/** The byte-bounded conditional-GET response cache. */
package dev.scout.crawler.cache;

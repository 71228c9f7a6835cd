/** The crawl benchmark of issue 3 and its rate-limited loopback server. Not used by the crawl itself. */
package dev.scout.crawler.bench;

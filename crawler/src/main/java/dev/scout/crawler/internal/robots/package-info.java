/** robots.txt per RFC 9309, parsed by crawler-commons and cached per origin. */
package dev.scout.crawler.internal.robots;

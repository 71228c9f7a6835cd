/**
 * The scale benchmark ({@code scout bench scale}): a simulated network in its own JVM, the real {@code scout run}
 * in a child JVM with a small heap, the heap sampled over the crawl. Talks only to processes it starts, on
 * 127.0.0.1.
 */
package dev.scout.demo.bench;

package dev.scout.config;

/**
 * What one sponsored post is expected to cost, in US dollars.
 *
 * @param min at least 0
 * @param max at least {@code min}
 */
public record PriceRange(double min, double max) {
}

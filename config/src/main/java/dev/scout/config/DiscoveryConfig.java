package dev.scout.config;

/**
 * How candidate profiles are found before they are crawled.
 *
 * @param maxProfiles  candidates discovered per run at most, >= 1
 * @param depth        how many hops of mentions/boosts are followed from seeds and hashtag posts, 0..5
 * @param hashtagPages pages of each hashtag timeline read, 0..100 (0 skips hashtag discovery)
 * @param useDirectory whether the instance's public profile directory is also browsed
 */
public record DiscoveryConfig(int maxProfiles, int depth, int hashtagPages, boolean useDirectory) {
}

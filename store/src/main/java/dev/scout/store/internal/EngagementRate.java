package dev.scout.store.internal;

import dev.scout.model.ProfileSnapshot;
import dev.scout.model.Post;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The engagement rate recorded with each snapshot for trends: median over original posts (reposts excluded) of
 * (likes + replies + shares) per follower, or per view on video platforms. The scorer computes the authoritative
 * rate with its own definitions; this one only has to be consistent from one crawl to the next.
 */
final class EngagementRate {
    private EngagementRate() {
    }

    static OptionalDouble of(ProfileSnapshot snapshot) {
        List<Post> originals = snapshot.posts().stream().filter(p -> !p.repost()).toList();
        boolean video = snapshot.account().platform().isVideo();
        long followers = snapshot.account().followers().orElse(0L);
        double[] rates = originals.stream()
                .filter(p -> video ? p.views().orElse(0L) > 0 : followers > 0)
                .mapToDouble(p -> p.engagements() / (double) (video ? p.views().getAsLong() : followers))
                .sorted()
                .toArray();
        if (rates.length == 0) {
            return OptionalDouble.empty();
        }
        int mid = rates.length / 2;
        return OptionalDouble.of(rates.length % 2 == 1 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2);
    }
}

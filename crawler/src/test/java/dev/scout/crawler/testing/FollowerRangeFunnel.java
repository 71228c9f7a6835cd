package dev.scout.crawler.testing;

import dev.scout.crawler.engine.FunnelPolicy;
import dev.scout.model.Account;
import dev.scout.model.ProfileSnapshot;

/**
 * TEST ONLY: the funnel the app builds from the scorer, reduced to its first gates: posts only inside a follower
 * range, a follower sample and expansion when at least {@code minNichePosts} posts were read.
 */
public record FollowerRangeFunnel(long min, long max, int minPosts, boolean expand) implements FunnelPolicy {
    @Override
    public Decision wantsPosts(Account account) {
        if (account.followers().isEmpty()) {
            return Decision.no("follower count unknown");
        }
        long f = account.followers().getAsLong();
        return f >= min && f <= max ? Decision.yes()
                : Decision.no("followers " + f + " outside " + min + "-" + max);
    }

    @Override
    public boolean wantsFollowerSample(ProfileSnapshot snapshot) {
        return snapshot.posts().size() >= minPosts;
    }

    @Override
    public boolean expandFrom(ProfileSnapshot snapshot) {
        return expand && snapshot.posts().size() >= minPosts;
    }
}

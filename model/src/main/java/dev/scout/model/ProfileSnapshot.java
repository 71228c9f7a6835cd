package dev.scout.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Scout knows about one profile at one crawl: the unit passed from the crawler (or an imported file)
 * to the scorer.
 *
 * @param account        profile-level facts
 * @param posts          recent posts, newest first (may include reposts flagged as such; may be empty)
 * @param followerSample a sample of the profile's followers for audience quality; empty when none was taken
 * @param history        earlier observations of this profile, oldest first; empty on a first crawl
 * @param crawledAt      when this snapshot was taken
 */
public record ProfileSnapshot(
        Account account,
        List<Post> posts,
        Optional<List<Account>> followerSample,
        List<HistoryPoint> history,
        Instant crawledAt) {

    public ProfileSnapshot {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(crawledAt, "crawledAt");
        posts = posts == null ? List.of() : List.copyOf(posts);
        followerSample = followerSample == null ? Optional.empty() : followerSample.map(List::copyOf);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public ProfileSnapshot(Account account, List<Post> posts, Instant crawledAt) {
        this(account, posts, Optional.empty(), List.of(), crawledAt);
    }

    public String id() {
        return account.id();
    }

    public ProfileSnapshot withFollowerSample(List<Account> sample) {
        return new ProfileSnapshot(account, posts, Optional.of(sample), history, crawledAt);
    }

    public ProfileSnapshot withHistory(List<HistoryPoint> earlier) {
        return new ProfileSnapshot(account, posts, followerSample, earlier, crawledAt);
    }
}

package dev.scout.store;

import dev.scout.crawler.engine.Frontier.EntryState;
import dev.scout.model.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static dev.scout.store.Fixtures.T0;
import static dev.scout.store.Fixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code scout status} tells entries waiting for a retry after a transient failure from those failed for good. */
class FrontierIssuesTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private SqliteStore store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("scout.db"), StoreOptions.builder().clock(clock).build());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void statusListsTransientlyWaitingEntriesWithAttemptsAndDueTimeApartFromPermanentFailures() {
        store.frontier().offer(Fixtures.discovered(0, 5));
        store.frontier().claim("w", 5, T0, Duration.ofMinutes(10));
        store.frontier().fail(ref(0), "HTTP 503; a later run retries it", Optional.of(T0.plus(Duration.ofHours(1))));
        store.frontier().fail(ref(1), "robots.txt unavailable", Optional.of(T0.plus(Duration.ofMinutes(2))));
        store.frontier().fail(ref(2), "no such account (HTTP 404)", Optional.empty());
        store.frontier().complete(ref(3));
        store.frontier().defer(ref(4), T0.plus(Duration.ofMinutes(10))); // host busy: not a failure
        store.frontier().claim("w", 5, T0.plus(Duration.ofMinutes(3)), Duration.ofMinutes(10)); // ref(1) again
        store.frontier().fail(ref(1), "robots.txt unavailable", Optional.of(T0.plus(Duration.ofMinutes(30))));

        FrontierIssues issues = store.status().issues();

        assertThat(issues.waitingCount()).isEqualTo(2);
        assertThat(issues.waiting()).containsExactly(
                new FrontierIssues.Waiting(ref(1).id(), 2, T0.plus(Duration.ofMinutes(30)), "robots.txt unavailable"),
                new FrontierIssues.Waiting(ref(0).id(), 1, T0.plus(Duration.ofHours(1)),
                        "HTTP 503; a later run retries it"));
        assertThat(issues.failedCount()).isEqualTo(1);
        assertThat(issues.failed()).containsExactly(
                new FrontierIssues.Failed(ref(2).id(), 1, "no such account (HTTP 404)"));
        assertThat(store.status().frontier().values().stream().mapToLong(m -> m.get(EntryState.PENDING)).sum())
                .as("the busy-host entry is pending but not waiting for a retry").isEqualTo(3);
    }
}

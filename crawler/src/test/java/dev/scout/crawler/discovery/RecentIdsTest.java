package dev.scout.crawler.discovery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentIdsTest {

    @Test
    void forgetsTheLeastRecentlyUsedIdBeyondItsCapacity() {
        RecentIds ids = new RecentIds(3);
        assertThat(ids.add("a")).isTrue();
        assertThat(ids.add("b")).isTrue();
        assertThat(ids.add("c")).isTrue();
        assertThat(ids.add("a")).as("already recent; now the most recent").isFalse();

        assertThat(ids.add("d")).isTrue();

        assertThat(ids.size()).isEqualTo(3);
        assertThat(ids.contains("b")).as("least recently used").isFalse();
        assertThat(ids.contains("a")).isTrue();
        assertThat(ids.contains("d")).isTrue();
    }

    @Test
    void staysBoundedHoweverManyIdsPass() {
        RecentIds ids = new RecentIds(1_000);
        for (int i = 0; i < 100_000; i++) {
            ids.add("mastodon:user" + i + "@a.example");
        }
        assertThat(ids.size()).isEqualTo(1_000);
        assertThat(ids.contains("mastodon:user99999@a.example")).isTrue();
        assertThat(ids.contains("mastodon:user0@a.example")).isFalse();
    }

    @Test
    void removedIdsCanBeAddedAgain() {
        RecentIds ids = new RecentIds(2);
        ids.add("a");
        ids.remove("a");
        assertThat(ids.add("a")).isTrue();
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new RecentIds(0)).hasMessage("capacity must be at least 1 (got 0)");
    }
}

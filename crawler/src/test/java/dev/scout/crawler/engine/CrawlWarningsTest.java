package dev.scout.crawler.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrawlWarningsTest {

    @Test
    void keepsTheFirstWarningsAndCountsTheRest() {
        CrawlWarnings w = new CrawlWarnings();
        for (int i = 0; i < 100_000; i++) {
            w.add("follower sample not read: profile " + i);
        }
        assertThat(w.list()).hasSize(CrawlWarnings.KEPT + 1);
        assertThat(w.list().get(0)).isEqualTo("follower sample not read: profile 0");
        assertThat(w.list().get(CrawlWarnings.KEPT))
                .isEqualTo("… and 99800 more warnings not kept (only the first 200 are)");
    }

    @Test
    void aFewWarningsAreKeptAsTheyCame() {
        CrawlWarnings w = new CrawlWarnings();
        w.add("one");
        w.add("two");
        assertThat(w.list()).containsExactly("one", "two");
    }
}

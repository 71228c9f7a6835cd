package dev.scout.app.console;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LineProgressTest {

    @Test
    void printsAtMostOneLineEveryFewSecondsWithRateAndEta() {
        AtomicLong now = new AtomicLong();
        var bytes = new ByteArrayOutputStream();
        var progress = new LineProgress("crawl", new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
        progress.total(100);
        progress.advance(10, "");
        now.set(1_000_000_000L);
        progress.advance(10, "");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();

        now.set(4_000_000_000L);
        progress.advance(20, "3 flagged");
        assertThat(bytes.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("crawl: 40/100 (10.0/s, ETA 6s) 3 flagged");
    }

    @Test
    void closeAlwaysPrintsTheFinalLine() {
        AtomicLong now = new AtomicLong();
        var bytes = new ByteArrayOutputStream();
        var progress = new LineProgress("score", new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
        progress.advance(5, "");
        now.set(2_000_000_000L);
        progress.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("score: 5/5 (2.5/s) — done");
    }
}

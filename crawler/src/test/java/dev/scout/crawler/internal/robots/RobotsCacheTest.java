package dev.scout.crawler.internal.robots;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The robots.txt cache on a fake ticker: expiry and re-fetch without waiting. */
class RobotsCacheTest {
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final Deque<RobotsResponse> answers = new ArrayDeque<>();
    private final List<URI> fetched = new ArrayList<>();
    private final RobotsCache cache = new RobotsCache("scout", Duration.ofSeconds(30), ticker, url -> {
        fetched.add(url);
        return CompletableFuture.completedFuture(answers.removeFirst());
    });

    private RobotsVerdict check(String url) {
        return cache.check(URI.create(url)).join();
    }

    private static RobotsResponse.Found file(String text) {
        return new RobotsResponse.Found(text.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    @Test
    void unavailableRobotsDisallowsThenIsFetchedAgainAfterAMinute() {
        answers.add(new RobotsResponse.Unavailable("HTTP 503"));
        answers.add(file("User-agent: *\nAllow: /\n"));

        assertThat(check("https://a.example/x")).isInstanceOf(RobotsVerdict.Unavailable.class);
        assertThat(check("https://a.example/y")).isInstanceOf(RobotsVerdict.Unavailable.class);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());

        assertThat(check("https://a.example/x")).isInstanceOf(RobotsVerdict.Allowed.class);
        assertThat(fetched).containsExactly(URI.create("https://a.example/robots.txt"),
                URI.create("https://a.example/robots.txt"));
    }

    @Test
    void backsOffLongerWhileRobotsStaysUnavailable() {
        answers.add(new RobotsResponse.Unavailable("HTTP 500"));
        answers.add(new RobotsResponse.Unavailable("HTTP 500"));
        answers.add(file(""));
        check("https://b.example/");
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        check("https://b.example/");
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());

        assertThat(check("https://b.example/")).isInstanceOf(RobotsVerdict.Unavailable.class);
        assertThat(fetched).hasSize(2);
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(check("https://b.example/")).isInstanceOf(RobotsVerdict.Allowed.class);
    }

    @Test
    void keepsAParsedFileForADay() {
        answers.add(file("User-agent: scout\nDisallow: /api/\nCrawl-delay: 90\n"));
        answers.add(file("User-agent: *\nAllow: /\n"));

        assertThat(check("https://c.example/api/v1/x")).isInstanceOf(RobotsVerdict.Denied.class);
        nanos.addAndGet(Duration.ofHours(23).toNanos());
        assertThat(check("https://c.example/ok")).isEqualTo(new RobotsVerdict.Allowed(Optional.of(Duration.ofSeconds(30))));
        nanos.addAndGet(Duration.ofHours(2).toNanos());
        assertThat(check("https://c.example/api/v1/x")).isInstanceOf(RobotsVerdict.Allowed.class);
        assertThat(fetched).hasSize(2);
    }

    @Test
    void clientErrorAllowsEverythingAndPortsAreSeparateOrigins() {
        answers.add(new RobotsResponse.Unrestricted(404));
        answers.add(new RobotsResponse.Refused("10.0.0.1", "private"));

        assertThat(check("https://d.example/anything")).isInstanceOf(RobotsVerdict.Allowed.class);
        assertThat(check("https://d.example:8443/anything")).isInstanceOf(RobotsVerdict.Refused.class);
    }
}

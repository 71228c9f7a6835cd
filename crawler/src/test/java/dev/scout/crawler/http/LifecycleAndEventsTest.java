package dev.scout.crawler.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

class LifecycleAndEventsTest {
    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void closeEndsQueuedRequestsAsCancelledAndRefusesNewOnes() {
        server.wm.stubFor(get(urlPathMatching("/q/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        OkHttpFetcher fetcher = OkHttpFetcher.builder(LoopbackServer.settings().requestsPerSecond(2).build()).build();
        List<CompletableFuture<FetchOutcome>> queued = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> fetcher.fetch(FetchRequest.json(server.url("/q/" + i), "t"))).toList();

        fetcher.close();
        FetchOutcome afterClose = fetcher.fetch(FetchRequest.json(server.url("/q/late"), "t")).join();

        assertThat(queued).allSatisfy(f -> assertThat(f).succeedsWithin(Duration.ofSeconds(5)));
        assertThat(queued.stream().map(CompletableFuture::join))
                .anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                        f -> assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.CANCELLED)));
        assertThat(afterClose).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.CANCELLED));
    }

    @Test
    void reportsEventsAndSurvivesAListenerThatThrows() throws Exception {
        server.wm.stubFor(get(urlPathMatching("/e/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        List<String> seen = new CopyOnWriteArrayList<>();
        FetchEvents events = new FetchEvents() {
            @Override
            public void requestSent(String hostKey, URI url, int attempt) {
                seen.add("sent " + url.getPath());
                throw new IllegalStateException("display bug");
            }

            @Override
            public void completed(FetchRequest request, FetchOutcome outcome) {
                seen.add("done " + outcome.getClass().getSimpleName());
            }
        };
        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).events(events).build()) {
            FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/e/1"), "t"));

            assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
            assertThat(seen).contains("sent /robots.txt", "sent /e/1", "done Fetched");
            assertThat(fetcher.listenerFailures()).isEqualTo(2);
        }
    }

    @Test
    void differentHostsProceedInParallelUnderTheGlobalCap() {
        try (LoopbackServer other = new LoopbackServer();
             OkHttpFetcher fetcher = OkHttpFetcher.builder(LoopbackServer.settings().requestsPerSecond(10)
                     .maxInFlightTotal(4).build()).build()) {
            for (LoopbackServer s : List.of(server, other)) {
                s.wm.stubFor(get(urlPathMatching("/h/.*")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{}")));
            }
            List<CompletableFuture<FetchOutcome>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                all.add(fetcher.fetch(FetchRequest.json(server.url("/h/" + i), "t")));
                all.add(fetcher.fetch(FetchRequest.json(other.url("/h/" + i), "t")));
            }
            all.forEach(CompletableFuture::join);

            // Each host's five requests span >= 0.4 s at 10/s. Served one host after the other, the two spans would
            // not overlap; in parallel each host's first request comes before the other's last. Comparing arrival
            // times rather than total wall time keeps the test true on a loaded machine.
            List<Long> here = arrivals(server);
            List<Long> there = arrivals(other);
            assertThat(here).hasSize(5);
            assertThat(there).hasSize(5);
            assertThat(there.get(0)).isLessThan(here.get(4));
            assertThat(here.get(0)).isLessThan(there.get(4));
            assertThat(all).allSatisfy(f -> assertThat(f.join()).isInstanceOf(FetchOutcome.Fetched.class));
        }
    }

    private static List<Long> arrivals(LoopbackServer s) {
        return s.wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathMatching("/h/.*")))
                .stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
    }
}

package dev.scout.crawler.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A fetcher with a {@link RateMemory}: it starts each host from the rate remembered for it (as a fleet worker taking a
 * host over does) and reports the rates it learns, a few times per host rather than per request.
 */
class RateMemoryTest {
    private final LoopbackServer server = new LoopbackServer();
    private final RecordingMemory memory = new RecordingMemory();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aHostIsPacedFromItsFirstRequestsAtTheRateRememberedForIt() {
        stubPages();
        memory.remembered.put(host(), new RememberedRate(4, Instant.now().minusSeconds(60)));

        try (OkHttpFetcher fetcher = fetcher(LoopbackServer.settings().requestsPerSecond(50).maxInFlightPerHost(1)
                .build(), HostPermit.ALWAYS)) {
            fetchPages(fetcher, 0, 5);
        }

        // Configured at 50 per second, the five pages still go no faster than the remembered 4 per second.
        assertThat(gaps(server.pageRequests())).allSatisfy(gap -> assertThat(gap)
                .isGreaterThanOrEqualTo(250 - PacingTest.ARRIVAL_JITTER_MS));
    }

    @Test
    void aRememberedRateOlderThanItsMaxAgeIsIgnored() {
        stubPages();
        memory.remembered.put(host(), new RememberedRate(1, Instant.now().minus(Duration.ofHours(25))));

        try (OkHttpFetcher fetcher = fetcher(LoopbackServer.settings().requestsPerSecond(50).maxInFlightPerHost(1)
                .build(), HostPermit.ALWAYS)) {
            fetchPages(fetcher, 0, 5);
        }

        // At the remembered 1 per second five pages would take four seconds.
        List<Long> times = times(server.pageRequests());
        assertThat(times.get(times.size() - 1) - times.get(0)).isLessThan(1000);
    }

    @Test
    void theRateAHostAdvertisesIsReportedOnceNotWithEveryAnswer() {
        server.wm.stubFor(get(urlPathMatching("/p/.*")).willReturn(json()
                .withHeader("RateLimit-Policy", "\"default\";q=100;w=10")
                .withHeader("RateLimit", "\"default\";r=90;t=1")));

        try (OkHttpFetcher fetcher = fetcher(LoopbackServer.settings().maxInFlightPerHost(1).build(),
                HostPermit.ALWAYS)) {
            fetchPages(fetcher, 0, 8);
        }

        assertThat(memory.reports).singleElement().satisfies(r -> {
            assertThat(r.host()).isEqualTo(host());
            assertThat(r.rate().requestsPerSecond()).isCloseTo(10, within(1e-9));
        });
    }

    @Test
    void aHostBackUnderANewLeaseStartsFromTheRateLearnedMeanwhileAndTheMemoryIsNotAskedPerRequest() {
        stubPages();
        AtomicLong token = new AtomicLong(1);
        HostPermit permit = host -> new HostPermit.Decision.Granted(token.get());

        try (OkHttpFetcher fetcher = fetcher(LoopbackServer.settings().requestsPerSecond(50).maxInFlightPerHost(1)
                .build(), permit)) {
            fetchPages(fetcher, 0, 3);
            // The host went to another worker, which learned 4 per second, and came back under a new token.
            memory.remembered.put(host(), new RememberedRate(4, Instant.now()));
            fetchPages(fetcher, 3, 1);
            token.set(2);
            fetchPages(fetcher, 4, 4);
        }

        List<Long> gaps = gaps(server.pageRequests());
        assertThat(gaps.subList(0, 3)).as("under the first token").allSatisfy(gap -> assertThat(gap).isLessThan(250));
        assertThat(gaps.subList(4, gaps.size())).as("under the new token")
                .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(250 - PacingTest.ARRIVAL_JITTER_MS));
        assertThat(memory.recalls.get()).as("recalls: one per token").isEqualTo(2);
    }

    @Test
    void aMemoryThatFailsIsCountedAndTheHostIsCrawledAsWithoutOne() throws Exception {
        stubPages();
        RateMemory broken = new RateMemory() {
            @Override
            public Optional<RememberedRate> recall(String host) {
                throw new IllegalStateException("database gone");
            }

            @Override
            public void remember(String host, RememberedRate rate) {
                throw new IllegalStateException("database gone");
            }
        };

        FetchOutcome outcome;
        FetchStats stats;
        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).rateMemory(broken)
                .build()) {
            outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/p/0"), "t"));
            stats = fetcher.stats();
        }

        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(stats.hosts().get(RateSharing.RATE_MEMORY).outcomes()).containsEntry("RecallFailed", 1L);
    }

    private OkHttpFetcher fetcher(FetcherSettings settings, HostPermit permit) {
        return OkHttpFetcher.builder(settings).hostPermit(permit).rateMemory(memory).build();
    }

    private void fetchPages(OkHttpFetcher fetcher, int from, int count) {
        for (int i = from; i < from + count; i++) {
            assertThat(fetcher.fetch(FetchRequest.json(server.url("/p/" + i), "t")).join())
                    .isInstanceOf(FetchOutcome.Fetched.class);
        }
    }

    private void stubPages() {
        server.wm.stubFor(get(urlPathMatching("/p/.*")).willReturn(json()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}");
    }

    private String host() {
        return "127.0.0.1:" + server.port();
    }

    private static List<Long> times(List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests) {
        return requests.stream().map(r -> r.getLoggedDate().getTime()).toList();
    }

    private static List<Long> gaps(List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests) {
        List<Long> t = times(requests);
        return java.util.stream.IntStream.range(1, t.size()).mapToObj(i -> t.get(i) - t.get(i - 1)).toList();
    }

    /** Keeps rates in maps, records what the fetcher reports and how often it asks. */
    private static final class RecordingMemory implements RateMemory {
        record Report(String host, RememberedRate rate) {
        }

        final Map<String, RememberedRate> remembered = new ConcurrentHashMap<>();
        final List<Report> reports = new CopyOnWriteArrayList<>();
        final AtomicInteger recalls = new AtomicInteger();

        @Override
        public Optional<RememberedRate> recall(String host) {
            recalls.incrementAndGet();
            return Optional.ofNullable(remembered.get(host));
        }

        @Override
        public void remember(String host, RememberedRate rate) {
            reports.add(new Report(host, rate));
        }
    }
}

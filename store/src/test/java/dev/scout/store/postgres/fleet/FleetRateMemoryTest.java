package dev.scout.store.postgres.fleet;

import dev.scout.crawler.bench.Dialect;
import dev.scout.crawler.bench.DialectServer;
import dev.scout.crawler.http.FetchOutcome;
import dev.scout.crawler.http.FetchRequest;
import dev.scout.crawler.http.FetcherSettings;
import dev.scout.crawler.http.OkHttpFetcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Learned limits stored with the host (issue 16): worker A learns from a host's 429s that it allows about 3 requests
 * per second; once A gives the host up — releasing it, or by its lease running out — worker B, configured at 20 per
 * second, takes the host over and sends its first requests at A's rate instead of tripping the server again. Real
 * PostgreSQL, real fetchers, a loopback host.
 */
class FleetRateMemoryTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration MARGIN = Duration.ofSeconds(5);
    /**
     * A request's arrival trails its start by the fencing check (a database round trip) and the send; on a loaded
     * machine that varies by up to a few hundred milliseconds, still far below the two seconds told apart here.
     */
    private static final long JITTER_NANOS = 300_000_000L;

    enum HandOver { RELEASED, EXPIRED }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T09:00:00Z"));
    private HostLeases leases;
    private DialectServer host;

    @BeforeEach
    void fleetAndHost() throws Exception {
        FleetDatabase db = PostgresFixture.freshDatabase();
        leases = new HostLeases(db);
        WorkerRegistry workers = new WorkerRegistry(db);
        workers.register("a", "m1", 1, clock.instant());
        workers.register("b", "m2", 2, clock.instant());
        // 3 requests per second with a burst of 10; over it a 429 that says only Retry-After.
        host = new DialectServer(Dialect.RETRY_AFTER_ONLY, 3, 5);
    }

    @AfterEach
    void stopHost() {
        host.close();
    }

    @ParameterizedTest(name = "host {0}")
    @EnumSource(HandOver.class)
    void theNextOwnerStartsAtTheRateThePreviousOwnerLearned(HandOver handOver) throws InterruptedException {
        String hostKey = "127.0.0.1:" + host.baseUrl().getPort();
        LeaseKeeper a = new LeaseKeeper(leases, "a", clock, clock::nanoTime, LEASE, MARGIN);
        try (OkHttpFetcher fetcherA = worker(a)) {
            for (int batch = 0; batch < 8 && storedRate(hostKey) > 4.5; batch++) {
                fetchAll(fetcherA, batch * 25, 25);
            }
        }
        double learned = storedRate(hostKey);
        assertThat(learned).as("the rate A learned from 429s and stored with the host").isBetween(1.5, 4.5);
        if (handOver == HandOver.RELEASED) {
            a.release(hostKey);
        } else {
            clock.advance(LEASE.plusSeconds(1)); // A stopped (killed, paused) and its lease ran out
        }

        // The host rests between owners, as it would while a lease runs out: its burst of 10 refills in 3.4 s. (A
        // real server's bucket runs on real time; only the leases run on the test's clock.)
        TimeUnit.SECONDS.sleep(4);
        LeaseKeeper b = new LeaseKeeper(leases, "b", clock, clock::nanoTime, LEASE, MARGIN);
        int before = host.arrivals().size();
        long rejectedBefore = host.rejected();
        try (OkHttpFetcher fetcherB = worker(b)) {
            fetchAll(fetcherB, 1000, 20);
        }

        // Configured at 20 per second, B's first ten requests (robots.txt, then pages) would take half a second.
        List<Long> arrivals = host.arrivals().subList(before, host.arrivals().size());
        long firstTen = arrivals.get(9) - arrivals.get(0);
        assertThat(firstTen).as("nanoseconds spanned by B's first ten requests, %.2f req/s learned by A", learned)
                .isGreaterThanOrEqualTo((long) (9 / learned * 1e9) - JITTER_NANOS);
        assertThat(host.rejected() - rejectedBefore).as("429s drawn by B's first 20 pages").isZero();
        assertThat(b.current(hostKey)).as("B holds the host").isPresent();
    }

    private OkHttpFetcher worker(LeaseKeeper keeper) {
        FetcherSettings settings = FetcherSettings.builder().allowPrivateAddresses(true).requestsPerSecond(20)
                .maxInFlightPerHost(2).build();
        return OkHttpFetcher.builder(settings).hostPermit(new FleetHostPermit(keeper, leases, clock))
                .rateMemory(new FleetRateMemory(keeper)).build();
    }

    /** Fetches {@code count} pages at once, so that the host's pacing, not the caller, decides when each goes. */
    private void fetchAll(OkHttpFetcher fetcher, int from, int count) {
        List<CompletableFuture<FetchOutcome>> all = IntStream.range(from, from + count)
                .mapToObj(page -> fetcher.fetch(FetchRequest.json(host.baseUrl().resolve("/p/" + page), "p" + page)))
                .toList();
        assertThat(all).allSatisfy(f -> assertThat(f.join()).isInstanceOf(FetchOutcome.Fetched.class));
    }

    /** The rate stored with the host, or infinity while none is. */
    private double storedRate(String hostKey) {
        return leases.learnedLimit(hostKey).map(LearnedLimit::requestsPerSecond).orElse(Double.POSITIVE_INFINITY);
    }
}

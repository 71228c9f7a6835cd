package dev.scout.demo;

import dev.scout.app.pipeline.Console;
import dev.scout.app.pipeline.JobResult;
import dev.scout.app.pipeline.ScoutJob;
import dev.scout.config.ConfigLoader;
import dev.scout.config.ScoutConfig;
import dev.scout.crawler.http.FetchStats;
import dev.scout.model.Platform;
import dev.scout.scorer.ScoredProfile;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A later run on the same store re-fetches what is stale with conditional requests: the simulated network answers
 * 304 for what did not change, the verdicts equal the first run's, and an account that changed in between is read
 * again.
 */
class IncrementalRecrawlTest {
    private static final Instant REFERENCE_TIME = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant RUN_1 = REFERENCE_TIME.plus(Duration.ofHours(10));
    /** Past crawl.refreshAfter (1 h below), on the same UTC day so that growth history is the same for both runs. */
    private static final Instant RUN_2 = RUN_1.plus(Duration.ofHours(2));
    private static final long ADDED_FOLLOWERS = 321;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aLaterRunRevalidatesStaleProfilesWith304sAndReadsWhatChanged() throws Exception {
        SimConfig simConfig = SimConfig.builder().seed(11).size(400).referenceTime(REFERENCE_TIME).build();
        try (SimulatedNetwork sim = SimulatedNetwork.start(simConfig)) {
            ScoutConfig config = config(sim, dir.resolve("scout.db"));
            Path db = dir.resolve("scout.db");

            JobResult run1 = new ScoutJob(startingAt(RUN_1)).run(config, dir.resolve("out1"), quiet());
            long simRequests1 = sim.requestCount();
            StoredResponses stored = StoredResponses.in(dir.resolve("scout.db"));
            String changed = scored(db, run1).stream().map(p -> p.account().id())
                    .filter(id -> id.startsWith(Platform.MASTODON.key() + ":")).findFirst().orElseThrow();
            long followersBefore = followers(db, run1, changed);
            sim.addFollowers(changed, ADDED_FOLLOWERS);

            long notModifiedBefore = sim.notModifiedCount();
            JobResult run2 = new ScoutJob(startingAt(RUN_2)).run(config, dir.resolve("out2"), quiet());
            long simRequests2 = sim.requestCount() - simRequests1;
            long served304 = sim.notModifiedCount() - notModifiedBefore;

            long requests1 = run1.fetchStats().totalRequests();
            long requests2 = run2.fetchStats().totalRequests();
            long notModified2 = notModified(run2.fetchStats());
            System.out.printf(Locale.ROOT, "incremental re-crawl: run 1 %,d requests %,d body bytes; run 2 %,d requests"
                            + " %,d body bytes, %,d answered 304 (%.1f%%); %,d stored responses, %,d body bytes as"
                            + " %,d gzipped; %d profiles scored%n",
                    requests1, bytes(run1.fetchStats()), requests2, bytes(run2.fetchStats()), notModified2,
                    100.0 * notModified2 / requests2, stored.count(), stored.bodyBytes(), stored.gzipBytes(),
                    scored(db, run2).size());
            run2.fetchStats().hosts().forEach((host, h) -> System.out.printf(Locale.ROOT,
                    "  run 2 %s: %d requests, %d bytes, %s%n", host, h.requests(), h.bytes(), h.outcomes()));

            assertThat(notModified(run1.fetchStats())).as("run 1 had nothing to revalidate").isZero();
            assertThat(stored.count()).as("run 1 kept the responses that carry an ETag").isPositive();
            assertThat(stored.gzipBytes()).isLessThan(stored.bodyBytes() / 2);
            assertThat(simRequests2).isEqualTo(requests2);
            assertThat(served304).as("every 304 the network sent reached the fetcher as NotModified")
                    .isEqualTo(notModified2);
            assertThat(notModified2).as("most of run 2's requests come back 304").isGreaterThan(requests2 / 2);
            assertThat(bytes(run2.fetchStats())).isLessThan(bytes(run1.fetchStats()));

            assertThat(followers(db, run2, changed)).as("the changed account was read again")
                    .isEqualTo(followersBefore + ADDED_FOLLOWERS);
            assertThat(verdicts(db, run2, changed)).as("everything else scores as in run 1").isNotEmpty()
                    .isEqualTo(verdicts(db, run1, changed));
            assertThat(scored(db, run2).stream().filter(ScoredProfile::flagged).map(p -> p.account().id())
                    .filter(id -> !id.equals(changed)).collect(Collectors.toSet()))
                    .isEqualTo(scored(db, run1).stream().filter(ScoredProfile::flagged).map(p -> p.account().id())
                            .filter(id -> !id.equals(changed)).collect(Collectors.toSet()));
        }
    }

    /** The demo config with a short refreshAfter and only the CSV output. */
    private static ScoutConfig config(SimulatedNetwork sim, Path store) throws InterruptedException {
        String yaml = DemoConfig.yaml(sim, store)
                .replace("  followerSampleSize: 80\n", "  followerSampleSize: 80\n  refreshAfter: 1h\n")
                .replace("formats: [csv, jsonl, report]", "formats: [csv]");
        assertThat(yaml).contains("refreshAfter: 1h").contains("formats: [csv]");
        return new ConfigLoader(name -> Optional.empty()).load(yaml, "recrawl test config", store.getParent());
    }

    /** A clock that runs in real time from {@code start}: the engine's waits and leases still pass. */
    private static Clock startingAt(Instant start) {
        Clock system = Clock.systemUTC();
        return Clock.offset(system, Duration.between(system.instant(), start));
    }

    private static Console quiet() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Console(sink, sink, true, false);
    }

    /** The run's verdicts, read back from the store (a JobResult keeps only counts and the best flagged). */
    private static java.util.List<ScoredProfile> scored(Path db, JobResult run) {
        java.util.List<ScoredProfile> out = new java.util.ArrayList<>();
        try (dev.scout.store.Store store = dev.scout.store.SqliteStore.open(db)) {
            store.scores(run.runId()).forEachRemaining(out::add);
        }
        return out;
    }

    private static long followers(Path db, JobResult run, String id) {
        return scored(db, run).stream().filter(p -> p.account().id().equals(id)).findFirst().orElseThrow()
                .account().followers().getAsLong();
    }

    /** id → score (three decimals) and flag, leaving out {@code except}. */
    private static Map<String, String> verdicts(Path db, JobResult run, String except) {
        Map<String, String> out = new TreeMap<>();
        scored(db, run).stream().filter(p -> !p.account().id().equals(except)).forEach(p -> out.put(p.account().id(),
                String.format(Locale.ROOT, "%.3f %s", p.score(), p.flagged())));
        return out;
    }

    private static long notModified(FetchStats stats) {
        return stats.hosts().values().stream().mapToLong(h -> h.outcomes().getOrDefault("NotModified", 0L)).sum();
    }

    private static long bytes(FetchStats stats) {
        return stats.hosts().values().stream().mapToLong(FetchStats.HostStats::bytes).sum();
    }

    /** What the store file holds in {@code http_responses}, read with a connection of its own. */
    private record StoredResponses(long count, long bodyBytes, long gzipBytes) {
        static StoredResponses in(Path file) throws Exception {
            assertThat(Files.exists(file)).isTrue();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(SUM(body_bytes), 0),"
                         + " COALESCE(SUM(length(body_gzip)), 0) FROM http_responses")) {
                rs.next();
                return new StoredResponses(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }
}

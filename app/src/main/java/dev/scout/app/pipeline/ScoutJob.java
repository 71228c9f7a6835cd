package dev.scout.app.pipeline;

import dev.scout.app.RunFailedException;
import dev.scout.app.UsageException;
import dev.scout.app.console.AddressGuardNote;
import dev.scout.app.export.CsvExporter;
import dev.scout.app.export.ExportJob;
import dev.scout.app.export.JsonlExporter;
import dev.scout.app.export.ReviewLookup;
import dev.scout.app.export.RunInfo;
import dev.scout.app.report.ReportWriter;
import dev.scout.app.report.RunSummary;
import dev.scout.config.OutputFormat;
import dev.scout.config.ScoutConfig;
import dev.scout.crawler.engine.CrawlEngine;
import dev.scout.crawler.engine.CrawlReport;
import dev.scout.crawler.http.FetchStats;
import dev.scout.scorer.MetricDefinitions;
import dev.scout.scorer.Scorer;
import dev.scout.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The whole job: discover → crawl → score → write outputs. The same path runs for {@code scout run} on real
 * instances and for {@code scout demo} on the simulated network; only the config differs.
 */
public final class ScoutJob {
    /** Flagged verdicts a {@link JobResult} keeps for the console; the rest are in the store and the exports. */
    public static final int TOP_FLAGGED = 10;

    private final Clock clock;
    private final boolean funnel;

    public ScoutJob(Clock clock) {
        this(clock, true);
    }

    /** @param funnel false spends every request on every profile (posts, follower samples, graph expansion), to measure what the funnel saves */
    public ScoutJob(Clock clock, boolean funnel) {
        this.clock = clock;
        this.funnel = funnel;
    }

    /**
     * Runs the job. Snapshots are stored as they arrive, so an interrupted or failed run loses nothing already
     * gathered and the next run resumes. However the job ends after its run row was written — completed, failed,
     * a usage error, interrupted (also by Ctrl-C or SIGTERM, through a shutdown hook) — the row records how and why.
     * Knows nothing of any ground truth: the demo evaluates the stored run afterwards.
     */
    public JobResult run(ScoutConfig config, Path outDir, Console console) throws InterruptedException {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        createDirectory(outDir);
        // The hook is closed last, so a signal waits until the run's end is recorded and the store closed.
        try (InterruptOnShutdown shutdown = InterruptOnShutdown.install(Thread.currentThread());
             Components c = Components.open(config, console, clock, funnel)) {
            Store store = c.store();
            long runId = store.startRun(ConfigHash.of(config), MetricDefinitions.SCORE_VERSION);
            RunEnding ending = new RunEnding(store, runId);
            try {
                Finished result = crawlScoreAndWrite(c, config, outDir, console, runId, started, startNanos);
                ending.completed(result.counters());
                return result.job();
            } catch (InterruptedException e) {
                ending.interrupted(shutdown.triggered() ? "stopped by a signal (Ctrl-C or kill)" : "interrupted", e);
                throw e;
            } catch (UsageException e) {
                ending.usageError(e);
                throw e;
            } catch (RuntimeException | Error e) {
                if (shutdown.triggered()) {
                    ending.interrupted("stopped by a signal (Ctrl-C or kill): " + e.getMessage(), e);
                } else {
                    ending.failed(e);
                }
                throw e;
            }
        }
    }

    /** The result and the counters recorded with the run. */
    private record Finished(JobResult job, Map<String, Long> counters) {
    }

    private Finished crawlScoreAndWrite(Components c, ScoutConfig config, Path outDir, Console console,
                                        long runId, Instant started,
                                        long startNanos) throws InterruptedException {
        Store store = c.store();
        CrawlReport crawl;
        try {
            int released = store.releaseLeases(clock.instant());
            if (released > 0) {
                console.info(released + " profiles were in flight when an earlier run stopped; resuming them");
            }
            int stale = store.requeueStale(config.crawl().refreshAfter(), clock.instant());
            if (stale > 0) {
                console.info(stale + " stored profiles are older than crawl.refreshAfter and will be re-fetched");
            }
            CrawlEngine engine = c.engine();
            crawl = engine.run(config.seeds(), Settings.nicheTerms(config));
            store.flush();
        } catch (RuntimeException e) {
            throw new RunFailedException("crawl stopped: " + e.getMessage()
                    + " (everything fetched so far is in the store; run the same command again to resume)", e);
        } finally {
            c.progress().close();
        }
        FetchStats stats = c.fetcher().stats();
        ScoreRun scores = ScoreRun.score(store, runId, c.scorer(), TOP_FLAGGED);
        int seedRows = new SeedVerdicts(store, config.niche().name()).save(runId, config.seeds(), clock.instant());
        Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
        Map<String, Path> outputs = writeOutputs(console, config, outDir, store, runId, started, scores, crawl, stats,
                wall, seedRows, c.skipped());
        // With nothing crawled the failure message carries the note; here some hosts were refused, others not.
        AddressGuardNote.of(stats).ifPresent(console::info);
        JobResult job = new JobResult(runId, scores.scored(), scores.flagged(), scores.topFlagged(), crawl, stats,
                outputs, Duration.ofNanos(System.nanoTime() - startNanos));
        return new Finished(job, counters(crawl, stats, scores));
    }

    /** Every output reads the run's verdicts back from the store, best first, a page at a time. */
    private Map<String, Path> writeOutputs(Console console, ScoutConfig config, Path outDir, Store store, long runId,
                                           Instant started, ScoreRun scored, CrawlReport crawl, FetchStats stats,
                                           Duration wall, int seedRows, SkippedDiscovered skipped) {
        Map<String, Path> outputs = new LinkedHashMap<>();
        RunInfo run = new RunInfo(String.valueOf(runId), started, MetricDefinitions.SCORE_VERSION, ConfigHash.of(config),
                ReviewLookup.of(store));
        Path statsJson = outDir.resolve("crawl-stats.json");
        CrawlStatsJson.write(statsJson, crawl, stats, seedRows, skipped.byReason());
        outputs.put("stats", statsJson);
        String waiting = crawl.waitingForLaterRun() == 0 ? "" : "; " + crawl.waitingForLaterRun() + " profiles met"
                + " transient failures (server errors, timeouts, robots.txt unavailable) and wait for a retry:"
                + " `scout status` shows when each is due, then run the same command again";
        List<String> notes = new ArrayList<>();
        if (seedRows > 0) {
            notes.add(seedRows + " seeded profiles could not be scored; they are in the outputs, not flagged,"
                    + " with the reason");
        }
        if (!skipped.summary().isEmpty()) {
            notes.add(skipped.summary());
        }
        notes.forEach(console::info);
        if (scored.scored() == 0 && seedRows == 0) {
            throw new RunFailedException("no profile was crawled, so there is nothing to score; "
                    + AddressGuardNote.of(stats).map(note -> note + "; ").orElse("")
                    + "check the seeds, the niche hashtags and " + statsJson + " for what the crawler met" + waiting);
        }
        // Nothing scored but seeds were named: their rows (with why) are written first, then the run still fails.
        if (config.output().writes(OutputFormat.CSV)) {
            Path csv = outDir.resolve("candidates.csv");
            ExportJob.run(new CsvExporter(config.output().csvBom()), csv, run, store.scores(runId));
            outputs.put("csv", csv);
        }
        if (config.output().writes(OutputFormat.JSONL)) {
            Path jsonl = outDir.resolve("candidates.jsonl");
            ExportJob.run(new JsonlExporter(), jsonl, run, store.scores(runId));
            outputs.put("jsonl", jsonl);
        }
        if (config.output().writes(OutputFormat.REPORT)) {
            Path html = outDir.resolve("report.html");
            RunSummary summary = new RunSummary(String.valueOf(runId), started, wall, scored.scored(), scored.flagged(),
                    stats.totalRequests(), stats.totalTooManyRequests(),
                    OptionalDouble.empty(), OptionalDouble.empty(),
                    java.util.stream.Stream.concat(java.util.stream.Stream.of("niche: " + config.niche().name(),
                            "requests per scored profile: " + String.format(java.util.Locale.ROOT, "%.2f",
                                    crawl.requestsPerScoredProfile())), notes.stream()).toList());
            new ReportWriter().write(html, summary, store.scores(runId));
            outputs.put("report", html);
        }
        if (config.output().writes(OutputFormat.HUBSPOT)) {
            var report = HubSpotExport.upload(Optional.of(config.hubspot()), outDir, run, store.scores(runId));
            outputs.put("hubspot", outDir.resolve(dev.scout.app.hubspot.HubSpotSettings.PROGRESS_FILE_NAME));
            console.out().println(HubSpotExport.describe(report));
        }
        if (scored.scored() == 0) {
            throw new RunFailedException("no profile was crawled and scored; the " + seedRows + " seeded profiles are"
                    + " listed in " + outDir + " with the reason; "
                    + AddressGuardNote.of(stats).map(note -> note + "; ").orElse("")
                    + "check the seeds, the niche hashtags and " + statsJson + " for what the crawler met" + waiting);
        }
        return outputs;
    }

    private static Map<String, Long> counters(CrawlReport crawl, FetchStats stats, ScoreRun scored) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("requests", stats.totalRequests());
        m.put("tooManyRequests", stats.totalTooManyRequests());
        m.put("snapshots", crawl.snapshots());
        m.put("scored", scored.scored());
        m.put("flagged", scored.flagged());
        crawl.states().forEach((state, n) -> m.put("frontier." + state.name().toLowerCase(java.util.Locale.ROOT), n));
        return m;
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new UsageException("cannot create the output folder " + dir + ": " + e.getMessage()
                    + " (choose another folder with --out or output.dir)", e);
        }
    }
}

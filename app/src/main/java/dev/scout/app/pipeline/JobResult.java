package dev.scout.app.pipeline;

import dev.scout.app.demo.PrecisionRecall;
import dev.scout.crawler.engine.CrawlReport;
import dev.scout.crawler.http.FetchStats;
import dev.scout.scorer.ScoredProfile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run produced.
 *
 * @param runId      the store's run id
 * @param scored     every verdict, best score first
 * @param crawl      what the crawl did
 * @param fetchStats per-host HTTP counters
 * @param outputs    files written, by kind (csv, jsonl, report, stats)
 * @param evaluation precision/recall against a ground truth, when one is known (the demo)
 * @param wallTime   from start to the last file written
 */
public record JobResult(long runId, List<ScoredProfile> scored, CrawlReport crawl, FetchStats fetchStats,
                        Map<String, Path> outputs, Optional<PrecisionRecall> evaluation, Duration wallTime) {

    public long flaggedCount() {
        return scored.stream().filter(ScoredProfile::flagged).count();
    }
}

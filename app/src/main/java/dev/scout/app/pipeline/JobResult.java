package dev.scout.app.pipeline;

import dev.scout.crawler.engine.CrawlReport;
import dev.scout.crawler.http.FetchStats;
import dev.scout.scorer.ScoredProfile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a run produced. Every verdict is in the store (run {@code runId}) and the exports; this record keeps only
 * counts and a few verdicts, so its size does not grow with the run.
 *
 * @param runId         the store's run id
 * @param scoredCount   verdicts of the run
 * @param flaggedCount  of which flagged
 * @param topFlagged    the best flagged verdicts, best first (at most {@link ScoutJob#TOP_FLAGGED})
 * @param crawl         what the crawl did
 * @param fetchStats    per-host HTTP counters
 * @param outputs       files written, by kind (csv, jsonl, report, stats)
 * @param wallTime      from start to the last file written
 */
public record JobResult(long runId, long scoredCount, long flaggedCount, List<ScoredProfile> topFlagged,
                        CrawlReport crawl, FetchStats fetchStats, Map<String, Path> outputs, Duration wallTime) {

    public JobResult {
        topFlagged = List.copyOf(topFlagged);
        outputs = Map.copyOf(outputs);
    }
}

package dev.scout.app.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.app.RunFailedException;
import dev.scout.crawler.engine.CrawlReport;
import dev.scout.crawler.http.FetchStats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/** Writes the crawl's counters (per host and per funnel stage) as {@code crawl-stats.json} for later tools. */
final class CrawlStatsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CrawlStatsJson() {
    }

    /**
     * @param seedsNotScored     seeded profiles that got a verdict without a snapshot (skipped, failed, waiting)
     * @param skippedDiscovered  discovered profiles skipped in this run, by reason (left out of the exports)
     */
    static void write(Path target, CrawlReport crawl, FetchStats stats, long seedsNotScored,
                      Map<String, Long> skippedDiscovered) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode c = root.putObject("crawl");
        c.put("wallTimeMillis", crawl.wallTime().toMillis());
        c.put("snapshots", crawl.snapshots());
        c.put("followerSamples", crawl.followerSamples());
        c.put("parkedForQuota", crawl.parkedForQuota());
        c.put("requestsPerScoredProfile", crawl.requestsPerScoredProfile());
        ObjectNode states = c.putObject("frontier");
        crawl.states().forEach((k, v) -> states.put(k.name().toLowerCase(Locale.ROOT), v));
        ObjectNode stages = c.putObject("requestsByStage");
        crawl.requestsByStage().forEach((k, v) -> stages.put(k.name().toLowerCase(Locale.ROOT), v));
        ObjectNode platforms = c.putObject("requestsByPlatform");
        crawl.requestsByPlatform().forEach((k, v) -> platforms.put(k.key(), v));
        c.put("seedsNotScored", seedsNotScored);
        ObjectNode skipped = c.putObject("skippedDiscoveredByReason");
        skippedDiscovered.forEach(skipped::put);
        var warnings = c.putArray("warnings");
        crawl.warnings().forEach(warnings::add);
        root.set("hosts", JSON.valueToTree(stats.hosts()));
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RunFailedException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}

package dev.scout.demo.bench;

import dev.scout.crawler.engine.Frontier;
import dev.scout.model.SeedParser;
import dev.scout.store.Store;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prepares a scale run: the store's frontier filled with every simulated account, and a {@code scout.yaml} pointed
 * at the simulator. A config file holds at most 1 MiB (about 20,000 seeds), so a 100,000-profile frontier goes
 * into the store through the same {@link Store} API the crawl uses; {@code scout run} then resumes it like any
 * crawl whose state is in the store. Stateless.
 */
final class ScaleSetup {
    private static final int OFFER_CHUNK = 1_000;
    /** Requests per second per host: above what two cores serve, so the run measures Scout rather than pacing. */
    private static final int REQUESTS_PER_SECOND = 400;

    private ScaleSetup() {
    }

    /** Offers every seed of {@code seedsFile} at depth 0 to {@code store}, closes it and returns how many entered. */
    static long fillFrontier(Store opened, Path seedsFile) {
        SeedParser parser = new SeedParser();
        long added = 0;
        try (Store store = opened;
             BufferedReader in = Files.newBufferedReader(seedsFile, StandardCharsets.UTF_8)) {
            List<Frontier.Discovered> chunk = new ArrayList<>(OFFER_CHUNK);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    chunk.add(new Frontier.Discovered(parser.parse(line), 0, "seed list"));
                }
                if (chunk.size() == OFFER_CHUNK) {
                    added += store.frontier().offer(chunk);
                    chunk.clear();
                }
            }
            added += store.frontier().offer(chunk);
        } catch (IOException e) {
            throw new BenchException("cannot read the seeds file " + seedsFile + ": " + e.getMessage(), e);
        }
        return added;
    }

    /**
     * The config of the run: the demo niche, every simulated host, {@code maxProfiles} = the frontier's size, the
     * directory and hashtag discovery on (they find nothing new once the cap is reached, but their requests run).
     */
    static String yaml(SimProcess.Addresses sim, String store, int maxProfiles) {
        StringBuilder y = new StringBuilder();
        y.append(BenchNiche.YAML)
                .append("platforms:\n  mastodon:\n    enabled: true\n    instances:\n");
        for (SimProcess.Addresses.Instance i : sim.mastodon()) {
            y.append("      - url: ").append(quoted(i.url())).append("\n        domain: ").append(i.domain())
                    .append("\n        requestsPerSecond: ").append(REQUESTS_PER_SECOND).append('\n');
        }
        y.append("  bluesky:\n    enabled: true\n    baseUrl: ").append(quoted(sim.bluesky()))
                .append("\n    requestsPerSecond: ").append(REQUESTS_PER_SECOND).append('\n')
                .append("  web:\n    enabled: true\n    requestsPerSecond: ").append(REQUESTS_PER_SECOND).append('\n')
                .append("crawl:\n  postsPerProfile: 40\n  maxProfiles: ").append(maxProfiles).append('\n')
                .append("  userAgent: \"ScoutBot/bench (+https://github.com/scout-oss/scout; scout@scout.example)\"\n")
                .append("  allowPrivateAddresses: true\n  maxInFlightPerHost: 4\n  maxInFlightTotal: 16\n")
                .append("  followerSampleSize: 80\n")
                .append("discovery:\n  maxProfiles: ").append(maxProfiles).append('\n')
                .append("  depth: 2\n  hashtagPages: 2\n  useDirectory: true\n")
                .append("output:\n  formats: [csv, jsonl, report]\n")
                .append("store: ").append(quoted(store)).append('\n');
        return y.toString();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}

package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.RunFailedException;
import dev.scout.app.UsageException;
import dev.scout.app.export.CsvExporter;
import dev.scout.app.export.ExportJob;
import dev.scout.app.export.Exporter;
import dev.scout.app.export.JsonlExporter;
import dev.scout.app.export.ReviewLookup;
import dev.scout.app.export.RunInfo;
import dev.scout.app.input.LineError;
import dev.scout.app.input.ProfileJsonReader;
import dev.scout.app.pipeline.RunEnding;
import dev.scout.app.pipeline.ScoreRun;
import dev.scout.app.pipeline.Settings;
import dev.scout.config.ScoutConfig;
import dev.scout.scorer.MetricDefinitions;
import dev.scout.scorer.NicheSpec;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.ScoringSettings;
import dev.scout.scorer.StandardScorer;
import dev.scout.scorer.niche.NicheDefinition;
import dev.scout.scorer.niche.NicheTaxonomy;
import dev.scout.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code scout score}: scores profiles without crawling — either a JSON Lines file exported from another tool
 * (streamed: constant memory), or the newest snapshot of every profile in the store.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores profiles without crawling: a JSON Lines file (--input, schema in docs/INPUT.md),",
                "or every profile already in the store (re-scoring after a config change costs no request)."})
public final class ScoreCommand implements Callable<Integer> {
    private static final int SHOWN_ERRORS = 20;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "profiles.jsonl to score; without it the store is re-scored.")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: output.dir of the config, or 'out').")
    Path out;

    @Option(names = "--niche", paramLabel = "NAME", description = {"Niche to score for: a shipped niche id or name",
            "(e.g. plant-based-cooking, running, skincare; list in docs/CONFIG.md). Needed without a config;",
            "with one it replaces niche.*. There is no default niche."})
    String niche;

    @Mixin
    StoreSource source;

    @Override
    public Integer call() throws IOException {
        Optional<ScoutConfig> config = source.config();
        Optional<NicheSpec> shipped = Optional.ofNullable(niche).map(ScoreCommand::shippedNiche);
        ScoringSettings settings = config.map(Settings::scoring)
                .map(s -> shipped.map(n -> s.toBuilder().niche(n).build()).orElse(s))
                .orElseGet(() -> ScoringSettings.defaults(shipped.orElseThrow(() -> new UsageException(
                        "scout score needs the niche to score for, and there is no default: pass --niche NAME (a"
                                + " shipped niche such as plant-based-cooking, running or skincare) or a config with"
                                + " niche.* (scout.yaml here or --config FILE; 'scout init' writes a commented example)"))));
        Path outDir = out != null ? out : config.map(c -> c.output().dir()).orElse(Path.of("out"));
        Files.createDirectories(outDir);
        StandardScorer scorer = new StandardScorer(settings);
        return input != null ? scoreFile(scorer, outDir) : scoreStore(scorer, config, outDir);
    }

    /** The shipped taxonomy's niche with this id or name. */
    private static NicheSpec shippedNiche(String name) {
        NicheTaxonomy taxonomy = NicheTaxonomy.load();
        if (taxonomy.find(name).isEmpty()) {
            throw new UsageException("--niche '" + name + "' is not a shipped niche; use one of "
                    + String.join(", ", taxonomy.niches().stream().map(NicheDefinition::id).toList())
                    + ", or a config whose niche.* lists your own keywords and hashtags");
        }
        return new NicheSpec(name, List.of(), List.of());
    }

    private int scoreFile(StandardScorer scorer, Path outDir) throws IOException {
        Instant now = Clock.systemUTC().instant();
        RunInfo run = new RunInfo("import-" + now.getEpochSecond(), now, MetricDefinitions.SCORE_VERSION, "import");
        Exporter csv = new CsvExporter(false);
        Exporter jsonl = new JsonlExporter();
        Path csvFile = outDir.resolve("candidates.csv");
        Path jsonlFile = outDir.resolve("candidates.jsonl");
        AtomicLong flagged = new AtomicLong();
        List<LineError> errors = new ArrayList<>();
        AtomicLong errorCount = new AtomicLong();
        ProfileJsonReader.Summary summary;
        csv.open(csvFile, run);
        jsonl.open(jsonlFile, run);
        try (InputStream in = Files.newInputStream(input)) {
            summary = new ProfileJsonReader(now).read(in, snapshot -> {
                ScoredProfile p = scorer.score(snapshot);
                if (p.flagged()) {
                    flagged.incrementAndGet();
                }
                csv.write(p);
                jsonl.write(p);
            }, e -> {
                if (errorCount.incrementAndGet() <= SHOWN_ERRORS) {
                    errors.add(e);
                }
            });
        } catch (NoSuchFileException e) {
            csv.abort();
            jsonl.abort();
            throw new UsageException("input file " + input + " does not exist");
        } catch (IOException | RuntimeException e) {
            csv.abort();
            jsonl.abort();
            throw e;
        }
        errors.forEach(e -> System.err.println("scout: " + input + ": " + e.describe() + " (line skipped)"));
        if (errorCount.get() > SHOWN_ERRORS) {
            System.err.println("scout: … and " + (errorCount.get() - SHOWN_ERRORS) + " more bad lines");
        }
        if (summary.profiles() == 0) {
            csv.abort();
            jsonl.abort();
            throw new RunFailedException(input + " held no valid profile (" + summary.errors() + " bad lines); nothing written");
        }
        csv.close();
        jsonl.close();
        System.out.printf("Scored %d profiles from %s (%d flagged, %d bad lines skipped)%n  csv    %s%n  jsonl  %s%n",
                summary.profiles(), input, flagged.get(), summary.errors(), csvFile, jsonlFile);
        return ExitCodes.OK;
    }

    private int scoreStore(StandardScorer scorer, Optional<ScoutConfig> config, Path outDir) {
        try (Store store = source.openForChanges()) {
            long runId = store.startRun("rescore", MetricDefinitions.SCORE_VERSION);
            RunEnding ending = new RunEnding(store, runId);
            try {
                long[] counts = rescore(store, runId, scorer, config, outDir);
                ending.completed(Map.of("scored", counts[0], "flagged", counts[1], "requests", 0L));
                return ExitCodes.OK;
            } catch (UsageException e) {
                ending.usageError(e);
                throw e;
            } catch (RuntimeException e) {
                ending.failed(e);
                throw e;
            }
        }
    }

    /** Scores the store into run {@code runId} and writes the exports; returns {scored, flagged}. */
    private long[] rescore(Store store, long runId, StandardScorer scorer, Optional<ScoutConfig> config, Path outDir) {
        ScoreRun scored = ScoreRun.score(store, runId, scorer, 0);
        if (scored.scored() == 0) {
            throw new RunFailedException("the store " + source.storeFile() + " holds no profile to score; run 'scout run' first");
        }
        long flagged = scored.flagged();
        RunInfo run = new RunInfo(String.valueOf(runId), Clock.systemUTC().instant(), MetricDefinitions.SCORE_VERSION, "rescore",
                ReviewLookup.of(store));
        Path csvFile = outDir.resolve("candidates.csv");
        Path jsonlFile = outDir.resolve("candidates.jsonl");
        ExportJob.run(new CsvExporter(config.map(c -> c.output().csvBom()).orElse(false)), csvFile, run, store.scores(runId));
        ExportJob.run(new JsonlExporter(), jsonlFile, run, store.scores(runId));
        System.out.printf("Re-scored %d stored profiles without fetching (run %d, %d flagged)%n  csv    %s%n  jsonl  %s%n",
                scored.scored(), runId, flagged, csvFile, jsonlFile);
        return new long[] {scored.scored(), flagged};
    }
}

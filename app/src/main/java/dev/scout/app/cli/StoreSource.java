package dev.scout.app.cli;

import dev.scout.app.RunFailedException;
import dev.scout.app.UsageException;
import dev.scout.config.ConfigLoader;
import dev.scout.config.ScoutConfig;
import dev.scout.store.RunInfo;
import dev.scout.store.SqliteStore;
import dev.scout.store.Store;
import dev.scout.store.StoreException;
import dev.scout.store.StoreOptions;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Options shared by the commands that read the store: which config, or which store file directly. */
final class StoreSource {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Config file naming the store (default: scout.yaml).")
    Path config;

    @Option(names = "--store", paramLabel = "FILE", description = "Store file to read, instead of the one the config names (e.g. out/demo/scout.db).")
    Path store;

    /** The config, when one was named or scout.yaml exists here. */
    Optional<ScoutConfig> config() {
        Path file = config != null ? config : Path.of("scout.yaml");
        if (config == null && !Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(ConfigFiles.load(file));
    }

    Path storeFile() {
        if (store != null) {
            return store;
        }
        ScoutConfig c = config().orElseThrow(() -> new UsageException(
                "no store named: pass --store FILE or --config FILE (no scout.yaml in this folder)"));
        return c.store().file().orElseThrow(() -> new UsageException(
                "the config's store is ':memory:', which keeps nothing between runs; pass --store FILE"));
    }

    /**
     * Opens an existing store to read it (status, export, report): works while a run holds the store. A missing file
     * is an error rather than a new empty database. The whole-file page check is left to the commands that write
     * (it reads every page: about 7 s on a 1.3 GB, 100,000-profile store); a damaged page a reader touches still
     * ends it with exit 2 and advice (ExitCodes).
     */
    Store open() {
        return open(StoreOptions.builder().checkPages(false).build());
    }

    /**
     * Opens an existing store to change it (forget, re-score) under the store's lock, as a run does: refused with
     * exit 2 while a run holds the store.
     */
    Store openForChanges() {
        return open(StoreOptions.builder().exclusive(true).build());
    }

    /**
     * Opens an existing store for the review app: like {@link #open()} (works while a run holds the store; reviews
     * are small writes that wait for the run's transactions), with a 64 MiB page cache outside the heap so the
     * candidate index stays in memory between requests.
     */
    Store openForReview() {
        return open(StoreOptions.builder().checkPages(false).pageCacheMib(64).build());
    }

    private Store open(StoreOptions options) {
        Path file = storeFile();
        if (!Files.exists(file)) {
            throw new UsageException("store " + file + " does not exist; run 'scout run' (or 'scout demo') first,"
                    + " or name another with --store");
        }
        try {
            return SqliteStore.open(file, options);
        } catch (StoreException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The newest run that produced scores, or {@code runId} when given. */
    static RunInfo scoredRun(Store store, Optional<Long> runId, Path file) {
        for (RunInfo run : store.lastRuns(50)) {
            if (runId.map(id -> id == run.id()).orElse(run.counters().getOrDefault("scored", 0L) > 0)) {
                return run;
            }
        }
        throw new RunFailedException(runId.map(id -> "run " + id + " is not in " + file)
                .orElse("the store " + file + " has no scored run yet, so there is nothing to export;"
                        + " run 'scout run' or 'scout score' first"));
    }
}

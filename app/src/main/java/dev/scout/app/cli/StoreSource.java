package dev.scout.app.cli;

import dev.scout.app.RunFailedException;
import dev.scout.app.UsageException;
import dev.scout.config.ConfigLoader;
import dev.scout.config.ScoutConfig;
import dev.scout.store.RunInfo;
import dev.scout.store.Store;
import dev.scout.store.StoreException;
import dev.scout.store.StoreOptions;
import dev.scout.store.Stores;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Options shared by the commands that read the store: which config, or which store directly (a file, or a
 * {@code postgresql://} URL). Stores are opened through {@link Stores}, as a run opens them.
 */
final class StoreSource {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Config file naming the store (default: scout.yaml).")
    Path config;

    @Option(names = "--store", paramLabel = "FILE|URL", description = "Store to read, instead of the one the config"
            + " names: a file (e.g. out/demo/scout.db) or postgresql://user@host:port/database (password in PGPASSWORD).")
    String store;

    /** The config, when one was named or scout.yaml exists here. */
    Optional<ScoutConfig> config() {
        Path file = config != null ? config : Path.of("scout.yaml");
        if (config == null && !Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(ConfigFiles.load(file));
    }

    /** Where the store is, as {@link Stores#open} takes it (a server URL may hold a password: show {@link #storeName()}). */
    String storeLocation() {
        if (store != null) {
            return store.strip();
        }
        ScoutConfig c = config().orElseThrow(() -> new UsageException(
                "no store named: pass --store FILE or --config FILE (no scout.yaml in this folder)"));
        if (c.store().inMemory()) {
            throw new UsageException("the config's store is ':memory:', which keeps nothing between runs; pass --store FILE");
        }
        return c.store().location();
    }

    /** The store as it may be shown: a file path, or a server URL with its password masked. */
    String storeName() {
        return Stores.display(storeLocation());
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

    private Store open(StoreOptions options) {
        String location = storeLocation();
        if (!Stores.isServer(location) && !Files.exists(Path.of(location))) {
            throw new UsageException("store " + location + " does not exist; run 'scout run' (or 'scout demo') first,"
                    + " or name another with --store");
        }
        try {
            return Stores.open(location, options);
        } catch (StoreException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The newest run that produced scores, or {@code runId} when given. */
    static RunInfo scoredRun(Store store, Optional<Long> runId, String file) {
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

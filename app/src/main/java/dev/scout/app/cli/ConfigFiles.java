package dev.scout.app.cli;

import dev.scout.app.UsageException;
import dev.scout.app.pipeline.ScorerSettingsCheck;
import dev.scout.config.ScoutConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a config file for a command, turning a missing file into an error that says how to make one. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static ScoutConfig load(Path file) {
        if (!Files.exists(file)) {
            throw new UsageException("config file " + file + " does not exist; create one with 'scout init "
                    + file + "' or name another with --config");
        }
        return ScorerSettingsCheck.loader().load(file);
    }
}

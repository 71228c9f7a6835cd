package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.UsageException;
import dev.scout.config.ExampleConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scout init}: writes a commented example config. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Writes a commented example config (every key, its default and what it does).")
public final class InitCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Where to write it (default: ${DEFAULT-VALUE}).")
    Path file = Path.of("scout.yaml");

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @Override
    public Integer call() {
        if (Files.exists(file) && !force) {
            throw new UsageException(file + " already exists; pass --force to overwrite it or name another file");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, ExampleConfig.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage(), e);
        }
        System.out.println("Wrote " + file + ". Edit niche, seeds and platforms, then run: scout run --config " + file);
        return ExitCodes.OK;
    }
}

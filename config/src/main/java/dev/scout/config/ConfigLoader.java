package dev.scout.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.config.internal.ConfigBinder;
import dev.scout.config.internal.EnvSubstitution;
import dev.scout.config.internal.Problems;
import dev.scout.config.internal.Scalars;
import dev.scout.config.internal.YamlTree;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code scout.yaml} into a validated {@link ScoutConfig}, or throws a {@link ConfigException} listing every
 * problem found.
 *
 * <p>{@code ${VAR}} and {@code ${VAR:-default}} in string values are replaced from the environment given to the
 * constructor. Relative {@code output.dir} and {@code store} paths resolve against the config file's directory.
 * Instances are immutable and thread-safe.
 */
public final class ConfigLoader {
    /** Config files larger than this are refused before parsing; a real scout.yaml is a few KiB. */
    static final long MAX_FILE_BYTES = DataSize.MIB;

    private final Function<String, Optional<String>> env;
    private final List<ConfigCheck> checks;

    /** A loader that reads the process environment. */
    public ConfigLoader() {
        this(name -> Optional.ofNullable(System.getenv(name)));
    }

    /** @param env looks an environment variable up (empty when unset); tests pass a map's lookup */
    public ConfigLoader(Function<String, Optional<String>> env) {
        this(env, List.of());
    }

    private ConfigLoader(Function<String, Optional<String>> env, List<ConfigCheck> checks) {
        this.env = Objects.requireNonNull(env, "env");
        this.checks = List.copyOf(checks);
    }

    /**
     * A loader that also runs {@code more} on every configuration that passes its own rules; their problems are
     * reported in the same {@link ConfigException}.
     */
    public ConfigLoader withChecks(ConfigCheck... more) {
        List<ConfigCheck> all = new java.util.ArrayList<>(checks);
        all.addAll(List.of(more));
        return new ConfigLoader(env, all);
    }

    /**
     * Loads a config file. Problems name the file as given.
     *
     * @throws ConfigException when the file cannot be read, is not valid YAML, or breaks any rule
     */
    public ScoutConfig load(Path file) {
        String source = file.toString();
        String yaml;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw single(source, "is larger than " + new DataSize(MAX_FILE_BYTES) + "; is it really a scout.yaml?");
            }
            yaml = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw single(source, "does not exist (create one with: scout init " + source + ")");
        } catch (CharacterCodingException e) {
            throw single(source, "is not UTF-8 text");
        } catch (IOException e) {
            throw single(source, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        return load(yaml, source, dir == null ? Path.of("").toAbsolutePath() : dir);
    }

    /**
     * Loads YAML text; relative paths resolve against the current working directory.
     *
     * @param sourceName how the text is named in problems ({@code scout.yaml}, {@code <demo>})
     * @throws ConfigException when the text is not valid YAML or breaks any rule
     */
    public ScoutConfig load(String yaml, String sourceName) {
        return load(yaml, sourceName, Path.of("").toAbsolutePath());
    }

    /**
     * Loads YAML text; relative paths resolve against {@code baseDir}.
     *
     * @throws ConfigException when the text is not valid YAML or breaks any rule
     */
    public ScoutConfig load(String yaml, String sourceName, Path baseDir) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sourceName, "sourceName");
        JsonNode tree;
        try {
            tree = YamlTree.parse(yaml, sourceName);
        } catch (YamlTree.Malformed e) {
            throw new ConfigException(sourceName, List.of(e.problem()));
        }
        Problems problems = new Problems();
        ScoutConfig config = ConfigBinder.bind(tree, new Scalars(problems, new EnvSubstitution(env)), baseDir);
        if (!problems.isEmpty()) {
            throw new ConfigException(sourceName, problems.all());
        }
        List<ConfigProblem> later = checks.stream().flatMap(c -> c.check(config).stream()).toList();
        if (!later.isEmpty()) {
            throw new ConfigException(sourceName, later);
        }
        return config;
    }

    private static ConfigException single(String source, String rule) {
        return new ConfigException(source, List.of(ConfigProblem.at(source, rule)));
    }
}

package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadFromFileTest {
    @TempDir
    Path tmp;

    @Test
    void relativeOutputAndStorePathsResolveAgainstTheConfigFilesDirectory() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("campaign"));
        Path file = Files.writeString(dir.resolve("scout.yaml"),
                Yaml.MINIMAL + "output: {dir: results}\nstore: ../state/scout.db\n", StandardCharsets.UTF_8);

        ScoutConfig c = Yaml.loader().load(file);

        assertThat(c.output().dir()).isEqualTo(dir.resolve("results").toAbsolutePath());
        assertThat(c.store().file()).contains(tmp.resolve("state/scout.db").toAbsolutePath());
    }

    @Test
    void absolutePathsAndInMemoryStoreAreKept() throws IOException {
        Path out = tmp.resolve("abs-out").toAbsolutePath();
        Path file = Files.writeString(tmp.resolve("scout.yaml"),
                Yaml.MINIMAL + "output: {dir: '" + out + "'}\nstore: ':memory:'\n", StandardCharsets.UTF_8);

        ScoutConfig c = Yaml.loader().load(file);

        assertThat(c.output().dir()).isEqualTo(out);
        assertThat(c.store().inMemory()).isTrue();
    }

    @Test
    void problemsNameTheFileAsGiven() throws IOException {
        Path file = Files.writeString(tmp.resolve("bad.yaml"), "niche: {name: x\n", StandardCharsets.UTF_8);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader().load(file));

        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.path()).startsWith(file + ":2:"));
    }

    @Test
    void aMissingFileSaysHowToCreateOne() {
        Path file = tmp.resolve("nope.yaml");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader().load(file));

        assertThat(e.problems()).extracting(ConfigProblem::toString)
                .containsExactly(file + ": does not exist (create one with: scout init " + file + ")");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path file = Files.write(tmp.resolve("latin1.yaml"), "niche: {name: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader().load(file));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(file + ": is not UTF-8 text");
    }

    @Test
    void aDirectoryIsNotAConfigFile() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader().load(tmp));

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.rule()).startsWith("cannot be read"));
    }
}

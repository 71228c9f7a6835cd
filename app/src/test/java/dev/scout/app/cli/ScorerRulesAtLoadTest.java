package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.ScoutCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12.7: a config the scorer would refuse is a configuration error (exit 2, key path), not a crash. */
class ScorerRulesAtLoadTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cl = ScoutCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aNicheWithoutKeywordsHashtagsOrTaxonomyExitsTwoNamingTheKeyWithoutAStackTrace() throws IOException {
        Path config = dir.resolve("scout.yaml");
        Files.writeString(config, "niche: {name: test}\nseeds: [mastodon:ana@fika.example]\nstore: "
                + dir.resolve("scout.db").toString().replace("\\", "/") + "\n");

        int code = run("run", "--config", config.toString(), "--out", dir.resolve("out").toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("niche.keywords: must list keywords or hashtags")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("scout.db")).doesNotExist();
    }

    @Test
    void scoreWithTheSameConfigIsRefusedTheSameWay() throws IOException {
        Path config = dir.resolve("scout.yaml");
        Files.writeString(config, "niche: {name: test, taxonomy: [no-such-niche]}\nseeds: [mastodon:ana@fika.example]\n");

        int code = run("score", "--config", config.toString(), "--store", dir.resolve("scout.db").toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("niche.taxonomy[0]: must be the id of a shipped niche")
                .doesNotContain("\tat ");
    }
}

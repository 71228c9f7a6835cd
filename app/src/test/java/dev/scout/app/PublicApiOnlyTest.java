package dev.scout.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules that use {@code crawler} and {@code scorer} (this one, {@code demo}, {@code bench} and {@code store})
 * name only their public packages, never {@code dev.scout.crawler.internal…} or {@code dev.scout.scorer.internal…}
 * (docs/ARCHITECTURE.md lists the public packages; scripts/dev/move-internal.sh moved the rest). The one exception
 * is {@code bench}'s {@code StageCost}, which times the scorer's stages one by one and so must call them (and this
 * test, which names the packages it looks for).
 */
class PublicApiOnlyTest {

    private static final Pattern INTERNAL = Pattern.compile("dev\\.scout\\.(crawler|scorer)\\.internal\\b[\\w.]*");
    private static final List<String> CONSUMERS = List.of("app", "demo", "bench", "store");
    /** Files allowed to name internal packages, each with the reason in the class comment above. */
    private static final Set<Path> EXCEPTIONS = Set.of(
            Path.of("..", "bench", "src", "main", "java", "dev", "scout", "bench", "StageCost.java"),
            Path.of("..", "app", "src", "test", "java", "dev", "scout", "app", "PublicApiOnlyTest.java"));

    @Test
    void crawlerAndScorerKeepTheirMachineryInInternalPackages() {
        assertThat(Path.of("..", "crawler", "src", "main", "java", "dev", "scout", "crawler", "internal")).isDirectory();
        assertThat(Path.of("..", "scorer", "src", "main", "java", "dev", "scout", "scorer", "internal")).isDirectory();
    }

    @Test
    void otherModulesNameNoInternalPackageOfCrawlerOrScorer() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (String module : CONSUMERS) {
            for (String set : List.of("main", "test")) {
                Path dir = Path.of("..", module, "src", set, "java");
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(p -> p.toString().endsWith(".java") && !EXCEPTIONS.contains(p))
                            .forEach(p -> leaks.addAll(internalNames(p)));
                }
            }
        }
        assertThat(leaks).as("make the type public API (docs/ARCHITECTURE.md) or use a public one").isEmpty();
    }

    @Test
    void theScanFindsAnInternalNameWhereOneIsWritten() {
        Matcher m = INTERNAL.matcher("import dev.scout.scorer.internal.text.PostText;");
        assertThat(m.find()).isTrue();
        assertThat(m.group()).isEqualTo("dev.scout.scorer.internal.text.PostText");
        assertThat(INTERNAL.matcher("import dev.scout.scorer.ScoredProfile;").find()).isFalse();
    }

    private static List<String> internalNames(Path file) {
        try {
            List<String> found = new ArrayList<>();
            Matcher m = INTERNAL.matcher(Files.readString(file));
            while (m.find()) {
                found.add(file + ": " + m.group());
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

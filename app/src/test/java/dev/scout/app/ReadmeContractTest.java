package dev.scout.app;

import dev.scout.app.export.Columns;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README is part of the product: its first screen, commands and output columns must stay true. */
class ReadmeContractTest {

    private static String readme() throws IOException {
        return Files.readString(Path.of("..", "README.md"));
    }

    @Test
    void firstScreenShowsExactlyTheTwoCommands() throws IOException {
        String firstScreen = readme().lines().limit(20).reduce("", (a, b) -> a + b + "\n");
        assertThat(firstScreen).contains("./scout demo").contains("mvn -B verify");
    }

    @Test
    void outputColumnsTableListsEveryCsvColumnInOrder() throws IOException {
        Matcher m = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| [a-z0-9 ]+ \\|").matcher(
                readme().substring(readme().indexOf("## Output columns")));
        List<String> documented = m.results().map(r -> r.group(1)).toList();
        assertThat(documented).isEqualTo(Columns.names());
    }
}

package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever text it is given, the loader either returns a configuration or throws a {@link ConfigException}: never
 * another exception, never a problem line that carries raw control or bidi characters.
 */
class HostileInputTest {
    private static final String[] JUNK = {"\u202E", "\u0000", "\t", "{", "]", ": ", "- ", "'", "\"", "&a", "*a", "!!binary",
        "${", "}", "#", "\n  ", "🌱", "=HYPERLINK(\"x\")", "999999999999999999999999", "-1", "1e400", ":memory:", "\r\n"};

    static Stream<String> mutatedExamples() {
        String example = ExampleConfig.text();
        SplittableRandom random = new SplittableRandom(20261126);
        return IntStream.range(0, 200).mapToObj(i -> {
            StringBuilder sb = new StringBuilder(example);
            if (i % 4 == 0) {
                sb.setLength(random.nextInt(sb.length()));
            }
            for (int k = 0, n = 1 + random.nextInt(4); k < n; k++) {
                sb.insert(random.nextInt(sb.length() + 1), JUNK[random.nextInt(JUNK.length)]);
            }
            return sb.toString();
        });
    }

    @ParameterizedTest
    @MethodSource("mutatedExamples")
    void loadsOrReportsProblemsButNeverCrashes(String yaml) {
        Throwable t = catchThrowable(() -> Yaml.loader().load(yaml, "scout.yaml"));

        if (t != null) {
            assertThat(t).isInstanceOf(ConfigException.class);
            assertThat(((ConfigException) t).problems()).isNotEmpty().allSatisfy(p -> assertThat(p.toString())
                    .doesNotContain("\u202E", "\u0000", "\r", "\n"));
        }
    }
}

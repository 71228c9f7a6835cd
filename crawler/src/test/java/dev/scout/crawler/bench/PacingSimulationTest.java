package dev.scout.crawler.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's targets on a simulated clock: every server dialect at R = 10 and R = 20, N = 1,000, configured 4× too
 * fast, 20 ms latency, two requests in flight. The wall-clock benchmark ({@code scout bench crawl}) measures the same
 * through real sockets; this keeps the pacing logic from regressing in every build.
 */
class PacingSimulationTest {
    private static final int N = 1000;

    static Stream<Arguments> dialectsAndRates() {
        return Stream.of(Dialect.values()).flatMap(d -> Stream.of(Arguments.of(d, 10), Arguments.of(d, 20)));
    }

    @ParameterizedTest(name = "{0} at R={1}")
    @MethodSource("dialectsAndRates")
    void meetsTheIssueTargets(Dialect dialect, int rate) {
        PacingSimulation.Result r = PacingSimulation.run(dialect, rate, N, 20 * PacingSimulation.MS, 2);

        double maxRatio = dialect == Dialect.PURE_429 ? 1.15 : 1.05;
        assertThat(r.ratio(rate, N)).as("span / ((N - burst) / R)").isLessThanOrEqualTo(maxRatio);
        if (dialect.advertised()) {
            assertThat(r.tooMany()).as("requests over an advertised limit").isZero();
        } else {
            double maxShare = dialect == Dialect.PURE_429 ? 0.03 : 0.01;
            assertThat((double) r.tooMany() / N).as("share of 429 answers").isLessThanOrEqualTo(maxShare);
        }
        assertThat(r.maxPerSecondAfterFirst()).as("requests in any second after the first")
                .isLessThanOrEqualTo(rate + LimitRule.BURST);
    }
}

package dev.scout.crawler.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.OptionalDouble;
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

    /**
     * The fleet's handover (issue 16): a worker configured at 20 req/s takes over a host that allows 3 and names no
     * limit. Starting from the rate its previous owner learned, its first 50 requests draw no 429; starting afresh
     * they trip the server again.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Dialect.class, names = {"RETRY_AFTER_ONLY", "PURE_429"})
    void aNewOwnerStartingFromTheRateItsPredecessorLearnedDoesNotTripTheServerAgain(Dialect dialect) {
        PacingSimulation.Result previous = PacingSimulation.takeOver(dialect, 3, 400, 20, OptionalDouble.empty());

        PacingSimulation.Result remembering = PacingSimulation.takeOver(dialect, 3, 100, 20,
                OptionalDouble.of(previous.lastReported()));
        PacingSimulation.Result afresh = PacingSimulation.takeOver(dialect, 3, 100, 20, OptionalDouble.empty());

        assertThat(remembering.tooManyInFirst(50)).as("429s in the first 50 requests, starting from %.2f req/s",
                previous.lastReported()).isZero();
        assertThat(afresh.tooManyInFirst(50)).as("429s in the first 50 requests, starting afresh").isPositive();
    }

    /** What a host's pacer reports as learned is the host's real rate, and only a handful of times, not per answer. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void reportsTheHostsRealRateAHandfulOfTimes(Dialect dialect) {
        PacingSimulation.Result r = PacingSimulation.takeOver(dialect, 3, 400, 20, OptionalDouble.empty());

        assertThat(r.lastReported()).as("last rate reported; all: %s", r.reportedRates()).isBetween(3 * 0.85, 3 * 1.05);
        assertThat(r.reportedRates()).as("reports for 400 requests").hasSizeLessThanOrEqualTo(10);
    }
}

package dev.scout.crawler.platform.youtube;

import dev.scout.model.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuotaBudgetTest {
    // 2026-11-26T07:00Z is 23:00 on 25 November in Los Angeles (PST, UTC-8).
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T07:00:00Z"));

    @Test
    void refusesCallsThatWouldDipIntoTheReserve() {
        QuotaBudget budget = new QuotaBudget(10, 7, clock);

        assertThat(budget.tryTake(1)).isTrue();
        assertThat(budget.tryTake(2)).isTrue();
        assertThat(budget.tryTake(1)).isFalse();
        assertThat(budget.used()).isEqualTo(3);
        assertThat(budget.remaining()).isZero();
    }

    @Test
    void refillsAtMidnightPacificTime() {
        QuotaBudget budget = new QuotaBudget(2, 0, clock);
        budget.tryTake(2);
        budget.markExhausted();

        assertThat(budget.resetsAt()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        clock.advance(Duration.ofMinutes(59));
        assertThat(budget.tryTake(1)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(budget.tryTake(1)).isTrue();
        assertThat(budget.used()).isEqualTo(1);
    }

    @Test
    void rejectsAReserveThatLeavesNothing() {
        assertThatThrownBy(() -> new QuotaBudget(100, 100, clock)).hasMessageContaining("reserve < dailyUnits");
    }
}

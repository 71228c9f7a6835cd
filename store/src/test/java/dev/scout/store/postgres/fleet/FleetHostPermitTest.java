package dev.scout.store.postgres.fleet;

import dev.scout.crawler.http.HostPermit.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The permit a fleet worker's fetcher asks before each request, on a real PostgreSQL. */
class FleetHostPermitTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T18:00:00Z"));
    private HostLeases leases;
    private LeaseKeeper a;
    private LeaseKeeper b;
    private FleetHostPermit permitA;
    private FleetHostPermit permitB;

    @BeforeEach
    void fleetOfTwo() throws Exception {
        FleetDatabase db = PostgresFixture.freshDatabase();
        leases = new HostLeases(db);
        WorkerRegistry workers = new WorkerRegistry(db);
        workers.register("a", "m1", 1, clock.instant());
        workers.register("b", "m2", 2, clock.instant());
        a = new LeaseKeeper(leases, "a", clock, clock::nanoTime, LEASE, MARGIN);
        b = new LeaseKeeper(leases, "b", clock, clock::nanoTime, LEASE, MARGIN);
        permitA = new FleetHostPermit(a, leases, clock);
        permitB = new FleetHostPermit(b, leases, clock);
    }

    @Test
    void theFirstWorkerToAskTakesAFreeHostAndTheOtherIsRefused() {
        Decision first = permitA.mayISend("fika.example");
        Decision second = permitB.mayISend("fika.example");

        assertThat(first).isInstanceOf(Decision.Granted.class);
        assertThat(second).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).contains("fika.example is leased by another worker"));
        assertThat(leases.all()).singleElement().satisfies(r -> assertThat(r.requestsSent()).isEqualTo(1));
    }

    @Test
    void aGrantToSendHoldsForTheMarginTheDatabaseConfirmed() {
        Decision sent = permitA.mayISend("fika.example");

        assertThat(sent).isInstanceOfSatisfying(Decision.Granted.class,
                g -> assertThat(g.sendWithin()).isEqualTo(MARGIN));
    }

    @Test
    void queueingARequestTakesTheHostButNeitherChecksNorCountsARequest() {
        Decision queued = permitA.mayQueue("fika.example");
        Decision refused = permitB.mayQueue("fika.example");
        Decision sent = permitA.mayISend("fika.example");

        assertThat(queued).isInstanceOf(Decision.Granted.class);
        assertThat(refused).isInstanceOf(Decision.Refused.class);
        assertThat(sent).isInstanceOf(Decision.Granted.class);
        assertThat(leases.all()).singleElement().satisfies(r -> assertThat(r.requestsSent()).isEqualTo(1));
    }

    @Test
    void aWorkerPausedPastItsLeaseSendsNothingOnceAnotherWorkerTookTheHost() {
        Decision.Granted before = (Decision.Granted) permitA.mayISend("fika.example");
        clock.advance(LEASE.plusSeconds(1)); // a is stopped (SIGSTOP) while b takes over
        Decision.Granted takeover = (Decision.Granted) permitB.mayISend("fika.example");

        Decision afterResume = permitA.mayISend("fika.example");

        assertThat(takeover.token()).isGreaterThan(before.token());
        assertThat(afterResume).isInstanceOf(Decision.Refused.class);
        assertThat(a.heldHosts()).isEmpty();
    }

    @Test
    void theFencingCheckAloneStopsAWorkerWhoseLocalDeadlineHasNotYetPassed() {
        // a's lease row is taken over while a still believes in it: the database check must refuse.
        HostLease held = a.ensure("fika.example").orElseThrow();
        leases.release(held, clock.instant()); // stands in for an expiry seen by a faster clock elsewhere
        assertThat(permitB.mayISend("fika.example")).isInstanceOf(Decision.Granted.class);

        Decision refused = permitA.mayISend("fika.example");

        assertThat(refused).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).contains("token " + held.token()).contains("taken over"));
    }

    @Test
    void renewingKeepsTheHostAndReportsHostsLostToOthers() {
        a.ensure("fika.example");
        a.ensure("oat.example");
        clock.advance(Duration.ofSeconds(20));
        assertThat(a.renewAll()).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(permitB.mayISend("fika.example")).isInstanceOf(Decision.Refused.class);

        HostLease oat = a.current("oat.example").orElseThrow();
        leases.release(oat, clock.instant());
        leases.acquire("b", "oat.example", clock.instant(), LEASE);

        assertThat(a.renewAll()).containsExactly("oat.example");
        assertThat(a.heldHosts()).containsExactly("fika.example");
    }

    @Test
    void aStoppingWorkerReleasesItsHostsSoOthersNeedNotWaitForExpiry() {
        a.acquireUpTo(List.of("fika.example", "oat.example", "fern.example"), 2);
        assertThat(a.heldHosts()).containsExactly("fika.example", "oat.example");

        a.releaseAll();

        assertThat(permitB.mayISend("fika.example")).isInstanceOf(Decision.Granted.class);
        assertThat(permitB.mayISend("oat.example")).isInstanceOf(Decision.Granted.class);
    }

    @Test
    void learnedLimitsAreSavedOnlyByTheCurrentOwner() {
        a.ensure("fika.example");
        assertThat(a.saveLearnedLimit("fika.example", new LearnedLimit(0.25, clock.instant()))).isTrue();
        assertThat(b.saveLearnedLimit("fika.example", new LearnedLimit(4, clock.instant()))).isFalse();
        clock.advance(LEASE);

        assertThat(b.ensure("fika.example").orElseThrow().learnedLimit())
                .map(LearnedLimit::requestsPerSecond).contains(0.25);
    }

    @Test
    void aMarginAsLongAsTheLeaseIsRefused() {
        assertThatThrownBy(() -> new LeaseKeeper(leases, "c", clock, clock::nanoTime, LEASE, LEASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("margin");
    }
}

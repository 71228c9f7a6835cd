package dev.scout.store;

import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.engine.Frontier.Lease;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link CrashResumeTest}: a crawl loop against the store that the test kills at random points.
 * Prints {@code ACK <id>} only after {@link Store#flush()} returned, i.e. for what the store has acknowledged, and
 * {@code FINISHED} when the frontier is drained.
 *
 * <p>Arguments: store file, round (the clock runs {@code round} hours ahead, so leases of killed rounds have
 * expired), number of profiles.
 */
public final class CrashWorkerMain {
    static final Duration LEASE = Duration.ofMinutes(10);

    private CrashWorkerMain() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        int profiles = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofHours(round));
        // A long linger makes kills land while writes wait in the queue.
        StoreOptions options = StoreOptions.builder().clock(clock).maxDelay(Duration.ofMillis(20)).build();
        try (SqliteStore store = SqliteStore.open(file, options)) {
            Frontier frontier = store.frontier();
            frontier.offer(Fixtures.discovered(0, profiles));
            List<String> unacknowledged = new ArrayList<>();
            for (int iteration = 0; ; iteration++) {
                List<Lease> leases = frontier.claim("worker-" + round, 8, clock.instant(), LEASE);
                if (leases.isEmpty()) {
                    break;
                }
                for (Lease l : leases) {
                    store.snapshots().accept(Fixtures.snapshot(l.ref(), 1_000 + l.ref().hashCode() % 500,
                            clock.instant(), 20));
                    frontier.complete(l.ref());
                    unacknowledged.add(l.ref().id());
                }
                if (iteration % 3 == 2) {
                    store.flush();
                    unacknowledged.forEach(id -> out.println("ACK " + id));
                    unacknowledged.clear();
                }
            }
            store.flush();
            unacknowledged.forEach(id -> out.println("ACK " + id));
        }
        out.println("FINISHED");
    }
}

package dev.scout.store;

import dev.scout.crawler.engine.Frontier.EntryState;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child JVM that crawls against the store ({@link CrashWorkerMain}) with {@code destroyForcibly()} at random
 * points, seven times, then checks after each kill that nothing acknowledged was lost and no entry is held beyond
 * its lease, and at the end that every profile was stored once, plus at most the ones in flight at each kill.
 */
class CrashResumeTest {
    private static final int PROFILES = 400;
    private static final int KILLS = 7;

    @TempDir
    Path dir;

    @Test
    void killedCrawlResumesWithoutLosingAcknowledgedWork() throws Exception {
        Path file = dir.resolve("crash.db");
        Random random = new Random(20260301L);
        Set<String> acked = ConcurrentHashMap.newKeySet();
        long inFlightAtKills = 0;
        for (int round = 0; round < KILLS; round++) {
            int target = acked.size() + 5 + random.nextInt(40);
            Process child = start(file, round);
            boolean killed = false;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        acked.add(line.substring(4));
                    }
                    if (acked.size() >= target) {
                        child.destroyForcibly();
                        killed = true;
                        break;
                    }
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child of round %d ended", round).isTrue();
            assertThat(killed).as("round %d killed before the crawl finished", round).isTrue();
            inFlightAtKills += checkAfterKill(file, round, acked);
        }

        Process last = start(file, KILLS);
        String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("FINISHED");

        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.frontier().counts()).containsEntry(EntryState.DONE, (long) PROFILES)
                    .containsEntry(EntryState.IN_FLIGHT, 0L).containsEntry(EntryState.PENDING, 0L);
            for (int i = 0; i < PROFILES; i++) {
                assertThat(store.latestSnapshot(Fixtures.ref(i))).as("profile %d stored", i).isPresent();
            }
        }
        long rows = count(file, "SELECT COUNT(*) FROM snapshots");
        System.out.printf("crash-resume: %d kills, %d entries in flight at kills, %d stored twice%n", KILLS,
                inFlightAtKills, rows - PROFILES);
        assertThat(rows - PROFILES).as("profiles stored twice (only those in flight at a kill may be)")
                .isBetween(0L, inFlightAtKills);
    }

    /** Returns the number of entries in flight after the kill. */
    private static long checkAfterKill(Path file, int round, Set<String> acked) {
        // One hour later on the child's clock: every lease taken in this round (10 minutes) has ended.
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(round + 1));
        try (SqliteStore store = SqliteStore.open(file, StoreOptions.builder().clock(later).build())) {
            for (String id : acked) {
                assertThat(store.latestSnapshot(ProfileRef.parseId(id))).as("acknowledged %s after kill %d", id, round)
                        .isPresent();
            }
            Map<EntryState, Long> counts = store.frontier().counts();
            StoreStatus.ResumePlan plan = store.status(1).resume();
            assertThat(plan.inFlightLeased()).as("entries held beyond their lease after kill %d", round).isZero();
            assertThat(plan.inFlightExpired()).isEqualTo(counts.get(EntryState.IN_FLIGHT));
            assertThat(counts.get(EntryState.DONE)).isGreaterThanOrEqualTo(acked.size());
            return counts.get(EntryState.IN_FLIGHT);
        }
    }

    private static Process start(Path file, int round) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", classpath, CrashWorkerMain.class.getName(), file.toString(), String.valueOf(round),
                String.valueOf(PROFILES)));
        return new ProcessBuilder(command)
                .redirectError(file.resolveSibling("child-" + round + ".err").toFile())
                .start();
    }

    private static long count(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

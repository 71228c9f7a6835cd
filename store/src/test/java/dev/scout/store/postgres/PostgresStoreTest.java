package dev.scout.store.postgres;

import dev.scout.crawler.engine.Frontier.Discovered;
import dev.scout.crawler.engine.Frontier.EntryState;
import dev.scout.crawler.engine.Frontier.Lease;
import dev.scout.model.ProfileRef;
import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;
import dev.scout.store.StoreOptions;
import dev.scout.store.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What only the PostgreSQL store does: shared by several processes, opened over the network, never shows a password. */
class PostgresStoreTest {
    private static final String PASSWORD = "s3cret-Pw-7319";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private TestPostgres pg;
    private PostgresLocation database;

    @BeforeEach
    void database() {
        pg = TestPostgres.require();
        database = pg.newDatabase("pgstore");
    }

    private static StoreOptions quick() {
        return StoreOptions.builder().busyTimeout(Duration.ofSeconds(2)).build();
    }

    private static ProfileRef ref(int i) {
        return ProfileRef.mastodon("cook" + i, "fika.example");
    }

    @Test
    void twoStoresOnOneDatabaseNeverClaimTheSameEntry() throws Exception {
        try (PostgresStore a = PostgresStore.open(database, quick()); PostgresStore b = PostgresStore.open(database, quick())) {
            a.frontier().offer(IntStream.range(0, 1_500)
                    .mapToObj(i -> new dev.scout.crawler.engine.Frontier.Discovered(ref(i), 0, "seed")).toList());
            ExecutorService workers = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<ProfileRef>>> results = new ArrayList<>();
                for (PostgresStore s : List.of(a, b)) {
                    results.add(workers.submit(() -> {
                        List<ProfileRef> mine = new ArrayList<>();
                        List<Lease> got;
                        while (!(got = s.frontier().claim(s == a ? "a" : "b", 10, T0, LEASE)).isEmpty()) {
                            got.forEach(l -> {
                                mine.add(l.ref());
                                s.frontier().complete(l.ref());
                            });
                        }
                        return mine;
                    }));
                }
                Set<ProfileRef> all = new HashSet<>();
                int total = 0;
                for (Future<List<ProfileRef>> f : results) {
                    total += f.get().size();
                    all.addAll(f.get());
                }
                assertThat(total).as("claimed over both stores").isEqualTo(1_500);
                assertThat(all).hasSize(1_500);
            } finally {
                workers.shutdownNow();
            }
            b.flush();
            assertThat(a.frontier().counts()).containsEntry(EntryState.DONE, 1_500L);
        }
    }

    @Test
    void twoStoresOfferingTheSameProfilesInOppositeOrdersBothSucceed() throws Exception {
        List<Discovered> forward = IntStream.range(0, 400).mapToObj(i -> new Discovered(ref(i), 1, "mention")).toList();
        List<Discovered> backward = new ArrayList<>(forward);
        java.util.Collections.reverse(backward);
        pg.execute("ALTER DATABASE " + database.database() + " SET deadlock_timeout = '50ms'"); // found in 1 s otherwise
        try (PostgresStore a = PostgresStore.open(database, quick()); PostgresStore b = PostgresStore.open(database, quick())) {
            ExecutorService workers = Executors.newFixedThreadPool(2);
            try {
                // Two fleet workers discover the same mentions at once; PostgreSQL fails one of two inserts that
                // wait for each other's rows, so each store must insert in one order.
                int added = 0;
                for (int round = 0; round < 10; round++) {
                    List<Discovered> batch = forward.subList(round * 40, round * 40 + 40);
                    List<Discovered> reversed = backward.subList(360 - round * 40, 400 - round * 40);
                    CountDownLatch go = new CountDownLatch(1);
                    Future<Integer> one = workers.submit(() -> {
                        go.await();
                        return a.frontier().offer(batch);
                    });
                    Future<Integer> other = workers.submit(() -> {
                        go.await();
                        return b.frontier().offer(reversed);
                    });
                    go.countDown();
                    added += one.get() + other.get();
                }
                assertThat(added).as("profiles added over both stores").isEqualTo(400);
            } finally {
                workers.shutdownNow();
            }
            assertThat(a.frontier().counts()).containsEntry(EntryState.PENDING, 400L);
        }
    }

    @Test
    void theStoresConnectionsAskTheServerToEndTransactionsLeftIdle() throws Exception {
        try (PostgresStore store = PostgresStore.open(database, quick());
             Connection c = store.dataSource().getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW idle_in_transaction_session_timeout")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(SessionSettings.IDLE_IN_TRANSACTION_TIMEOUT.toSeconds() + "s");
        }
    }

    @Test
    void aTransactionLeftIdleByAPausedProcessIsEndedAndNoLongerBlocksAnother() throws Exception {
        try (Connection setup = TestPostgres.connect(database); Statement st = setup.createStatement()) {
            st.execute("CREATE TABLE hosts (id integer PRIMARY KEY, owner text)");
            st.execute("INSERT INTO hosts VALUES (1, 'w1')");
        }
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", database.user());
        database.password().ifPresent(p -> props.setProperty("password", p));
        props.setProperty("options", SessionSettings.options(Duration.ofMillis(500)));
        try (Connection paused = java.sql.DriverManager.getConnection(database.jdbcUrl(), props);
             Connection other = TestPostgres.connect(database)) {
            paused.setAutoCommit(false);
            try (Statement st = paused.createStatement()) {
                st.executeUpdate("UPDATE hosts SET owner = 'w1 again' WHERE id = 1"); // holds the row's lock
            }
            // The process stops here, its transaction open; the other worker would wait on the lock for ever.
            try (Statement st = other.createStatement()) {
                st.execute("SET statement_timeout = '20s'"); // fails the test rather than hang it
                assertThat(st.executeUpdate("UPDATE hosts SET owner = 'w2' WHERE id = 1")).isEqualTo(1);
            }
            assertThatThrownBy(paused::commit).as("the paused process finds its transaction ended when it wakes")
                    .isInstanceOf(SQLException.class);
        }
        try (Connection c = TestPostgres.connect(database); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT owner FROM hosts")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("w2");
        }
    }

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheStore() {
        StoreOptions run = StoreOptions.builder().exclusive(true).build();
        try (PostgresStore first = PostgresStore.open(database, run)) {
            assertThat(first.runInProgress()).isTrue();
            StoreException e = catchThrowableOfType(StoreException.class, () -> PostgresStore.open(database, run));
            assertThat(e.kind()).isEqualTo(Kind.IN_USE);
            assertThat(e).hasMessageContaining(database.masked());
            try (PostgresStore reader = PostgresStore.open(database, quick())) {
                assertThat(reader.lastRuns(1)).isEmpty();
            }
        }
        try (PostgresStore next = PostgresStore.open(database, run)) {
            assertThat(next.startRun("cfg", "0.1.0")).isPositive();
        }
        try (PostgresStore reader = PostgresStore.open(database, quick())) {
            assertThat(reader.runInProgress()).as("the lock ended with the run's store").isFalse();
        }
    }

    @Test
    void anUnreachableServerIsNamedWithWhatToDo() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        PostgresLocation nowhere = PostgresLocation.parse("postgresql://scout:" + PASSWORD + "@127.0.0.1:" + closed
                + "/scout", Map.of());

        StoreException e = catchThrowableOfType(StoreException.class, () -> PostgresStore.open(nowhere, quick()));

        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e).hasMessageContaining("postgresql://scout:****@127.0.0.1:" + closed + "/scout")
                .hasMessageContaining("pg_isready");
        assertNoPassword(e);
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() {
        pg.createUser("scout_app", "right-" + PASSWORD, database.database());
        PostgresLocation wrong = PostgresLocation.parse("postgresql://scout_app:" + PASSWORD + "@" + database.host()
                + ":" + database.port() + "/" + database.database(), Map.of());

        StoreException e = catchThrowableOfType(StoreException.class, () -> PostgresStore.open(wrong, quick()));

        assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(e).hasMessageContaining("scout_app").hasMessageContaining("PGPASSWORD");
        assertNoPassword(e);
    }

    @Test
    void credentialsFromTheEnvironmentOpenTheStoreAndAreShownMasked() {
        pg.createUser("scout_env", PASSWORD, database.database());
        PostgresLocation where = PostgresLocation.parse("postgresql://" + database.host() + ":" + database.port() + "/"
                + database.database(), Map.of("PGUSER", "scout_env", "PGPASSWORD", PASSWORD));
        try (PostgresStore store = PostgresStore.open(where, quick())) {
            long run = store.startRun("cfg", "0.1.0");
            assertThat(store.lastRuns(1)).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(run));
            assertThat(store.toString()).contains("scout_env:****@").doesNotContain(PASSWORD);
            assertThat(store.location().masked()).doesNotContain(PASSWORD);
            assertThat(String.valueOf(store.status())).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aMissingDatabaseSaysHowToCreateIt() {
        PostgresLocation missing = database.withDatabase("no_such_scout_db");

        StoreException e = catchThrowableOfType(StoreException.class, () -> PostgresStore.open(missing, quick()));

        assertThat(e.kind()).isEqualTo(Kind.NO_DATABASE);
        assertThat(e).hasMessageContaining("no_such_scout_db").hasMessageContaining("createdb");
    }

    @Test
    void aDatabaseMigratedByANewerScoutIsRefusedUnchanged() throws Exception {
        try (PostgresStore store = PostgresStore.open(database, quick())) {
            store.startRun("cfg", "0.1.0");
        }
        try (Connection c = TestPostgres.connect(database); Statement st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL',"
                    + " 'V999__future.sql', 0, 'postgres', 1, true)");
        }

        StoreException e = catchThrowableOfType(StoreException.class, () -> PostgresStore.open(database, quick()));

        assertThat(e.kind()).isEqualTo(Kind.NEWER_SCHEMA);
        assertThat(e).hasMessageContaining("999").hasMessageContaining("upgrade Scout");
    }

    @Test
    void theSchemaIsVersionedByFlywayInThisModulesMigrations() throws Exception {
        PostgresStore.open(database, quick()).close();
        try (Connection c = TestPostgres.connect(database); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL"
                     + " ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                assertThat(rs.getBoolean(2)).isTrue();
                versions.add(rs.getString(1));
            }
            assertThat(versions).startsWith("1").allSatisfy(v -> assertThat(Integer.parseInt(v)).isLessThan(1000));
        }
    }

    private static void assertNoPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass()).doesNotContain(PASSWORD);
            for (Throwable s : t.getSuppressed()) {
                assertThat(String.valueOf(s.getMessage())).doesNotContain(PASSWORD);
            }
        }
        assertThat(e.toString()).doesNotContain(PASSWORD);
    }
}

package dev.scout.store.postgres.fleet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Work PostgreSQL fails to break a deadlock between two workers runs again; other failures do not. */
class FleetDatabaseTest {
    private FleetDatabase db;
    private DataSource ds;

    @BeforeEach
    void twoCounters() throws Exception {
        db = PostgresFixture.freshDatabase();
        String name = db.name().substring(db.name().lastIndexOf('/') + 1);
        ds = PostgresFixture.dataSource(name);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + name + " SET deadlock_timeout = '50ms'"); // found in 1 s otherwise
            st.execute("CREATE TABLE counters (id integer PRIMARY KEY, n integer NOT NULL)");
            st.execute("INSERT INTO counters VALUES (1, 0), (2, 0)");
        }
    }

    @Test
    void twoTransactionsThatDeadlockBothCommitOnceAndOneRanAgain() throws Exception {
        CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = pool.submit(() -> db.inTransaction("count 1 then 2",
                    c -> addOneToBoth(c, 1, 2, bothHoldTheirFirstRow, runs)));
            Future<?> other = pool.submit(() -> db.inTransaction("count 2 then 1",
                    c -> addOneToBoth(c, 2, 1, bothHoldTheirFirstRow, runs)));
            one.get(30, TimeUnit.SECONDS);
            other.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(counters()).as("each transaction committed exactly once").containsExactly(2, 2);
        assertThat(runs.get()).as("runs of the two transactions: the one PostgreSQL failed ran again")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFailureThatIsNotAConflictIsReportedAtOnceWithTheOperation() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> db.call("read the missing table", c -> {
            runs.incrementAndGet();
            try (Statement st = c.createStatement()) {
                return st.executeQuery("SELECT * FROM no_such_table");
            }
        })).isInstanceOf(FleetException.class).hasMessageContaining("cannot read the missing table on " + db.name());
        assertThat(runs.get()).isEqualTo(1);
    }

    /** Locks {@code first}, waits until the other transaction locked its first row, then takes {@code second}. */
    private static Void addOneToBoth(Connection c, int first, int second, CountDownLatch bothHold, AtomicInteger runs)
            throws SQLException {
        runs.incrementAndGet();
        addOne(c, first);
        bothHold.countDown();
        try {
            bothHold.await(10, TimeUnit.SECONDS); // open at once when the transaction runs again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        addOne(c, second);
        return null;
    }

    private static void addOne(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE counters SET n = n + 1 WHERE id = ?")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        }
    }

    private List<Integer> counters() throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT n FROM counters ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }
}

package dev.scout.store.postgres;

import dev.scout.store.StoreException;
import dev.scout.store.internal.Sql;
import dev.scout.store.internal.SqlOp;
import dev.scout.store.internal.WriteQueue;
import dev.scout.store.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The write queue on PostgreSQL, where a batch first runs without savepoints: a failed operation still fails only
 * its own caller (the batch is rolled back and run again with savepoints), and a failed write-behind operation still
 * reaches every later caller.
 */
class PostgresBatchTest {
    private WriteQueue queue;

    @BeforeEach
    void open() throws SQLException {
        PostgresLocation db = TestPostgres.require().newDatabase("batch");
        Sql sql = new Sql(TestPostgres.connect(db), PostgresDialect.INSTANCE);
        sql.exec("CREATE TABLE t (x integer PRIMARY KEY)");
        // A long delay keeps write-behind operations waiting, so they share a batch with the call that follows.
        queue = new WriteQueue(db.masked(), sql, 64, Duration.ofSeconds(2), 256);
    }

    @AfterEach
    void close() {
        try {
            queue.close();
        } catch (StoreException expectedAfterStickyFailure) {
            assertThat(expectedAfterStickyFailure.location()).startsWith("postgresql://");
        }
    }

    private static SqlOp<Integer> insert(int x) {
        return sql -> {
            var ps = sql.prepare("INSERT INTO t VALUES (?)");
            ps.setInt(1, x);
            return ps.executeUpdate();
        };
    }

    private long rows() {
        return queue.call(sql -> sql.queryLong("SELECT COUNT(*) FROM t"), "count");
    }

    @Test
    void aFailedCallFailsOnlyItsCallerAndTheRestOfItsBatchCommitsOnce() {
        queue.submit(insert(1), "insert 1");
        queue.submit(insert(2), "insert 2");
        StoreException e = catchThrowableOfType(StoreException.class, () -> queue.call(insert(1), "insert 1 again"));

        assertThat(e).hasMessageContaining("insert 1 again").hasMessageContaining("postgresql://");
        assertThat(rows()).isEqualTo(2);
        long distinct = queue.call(sql -> sql.queryLong("SELECT COUNT(DISTINCT x) FROM t WHERE x IN (1, 2)"), "count");
        assertThat(distinct).isEqualTo(2);
    }

    @Test
    void aFailedWriteBehindOperationIsReportedToEveryLaterCaller() {
        queue.submit(insert(1), "insert 1");
        queue.submit(insert(1), "store the snapshot of mastodon:ana@fika.example");
        StoreException e = catchThrowableOfType(StoreException.class, queue::flush);
        assertThat(e).hasMessageContaining("store the snapshot of mastodon:ana@fika.example");
        StoreException later = catchThrowableOfType(StoreException.class, () -> queue.submit(insert(3), "insert 3"));
        assertThat(later).hasMessageContaining("mastodon:ana@fika.example");
    }

    @Test
    void aBatchWithoutFailuresCommitsEveryOperationInOneTransaction() {
        for (int i = 0; i < 50; i++) {
            queue.submit(insert(i), "insert " + i);
        }
        queue.flush();
        assertThat(rows()).isEqualTo(50);
        assertThat(queue.transactions()).as("50 inserts and a flush, then a count").isLessThanOrEqualTo(3);
    }
}

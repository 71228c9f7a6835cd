package dev.scout.store.internal;

import dev.scout.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WriteQueueTest {
    private static final Path FILE = Path.of("queue-test.db");
    private WriteQueue queue;

    @BeforeEach
    void open() throws SQLException {
        Sql sql = new Sql(DriverManager.getConnection("jdbc:sqlite::memory:"), Dialect.SQLITE);
        sql.exec("CREATE TABLE t (x INTEGER PRIMARY KEY)");
        queue = new WriteQueue(FILE.toString(), sql, 64, Duration.ofMillis(5), 256);
    }

    @AfterEach
    void close() {
        try {
            queue.close();
        } catch (StoreException expectedAfterStickyFailure) {
            assertThat(expectedAfterStickyFailure.file()).isEqualTo(FILE);
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
    void failedCallFailsOnlyItsCallerAndTheRestOfTheBatchCommits() {
        queue.submit(insert(1), "insert 1");
        StoreException e = catchThrowableOfType(StoreException.class, () -> queue.call(insert(1), "insert 1 again"));
        assertThat(e).hasMessageContaining("insert 1 again");
        queue.submit(insert(2), "insert 2");
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void failedWriteBehindOperationIsReportedToEveryLaterCaller() {
        queue.submit(insert(1), "insert 1");
        queue.submit(insert(1), "store the snapshot of mastodon:ana@fika.example");
        StoreException e = catchThrowableOfType(StoreException.class, queue::flush);
        assertThat(e).hasMessageContaining("store the snapshot of mastodon:ana@fika.example");
        StoreException later = catchThrowableOfType(StoreException.class, () -> queue.submit(insert(3), "insert 3"));
        assertThat(later).hasMessageContaining("mastodon:ana@fika.example");
    }

    @Test
    void errorInsideAnOperationFailsCallersInsteadOfHangingThem() {
        StoreException e = catchThrowableOfType(StoreException.class, () -> queue.call(sql -> {
            throw new StackOverflowError("deep");
        }, "recurse"));
        assertThat(e).hasMessageContaining("StackOverflowError");
        assertThat(catchThrowableOfType(StoreException.class, this::rows)).isNotNull();
    }
}

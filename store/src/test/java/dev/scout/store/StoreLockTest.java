package dev.scout.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A store opened for a run is held by a lock on {@code <store>.lock}: a second run is refused, readers are not. */
class StoreLockTest {
    @TempDir
    Path dir;

    private static StoreOptions exclusive() {
        return StoreOptions.builder().exclusive(true).build();
    }

    @Test
    void secondExclusiveOpenIsRefusedNamingTheStoreAndWhatToDo() {
        Path file = dir.resolve("scout.db");
        try (SqliteStore first = SqliteStore.open(file, exclusive())) {
            assertThat(SqliteStore.inUse(file)).isTrue();
            StoreException e = catchThrowableOfType(StoreException.class, () -> SqliteStore.open(file, exclusive()));
            assertThat(e.kind()).isEqualTo(StoreException.Kind.IN_USE);
            assertThat(e).hasMessageContaining(file.toString()).hasMessageContaining("another scout run")
                    .hasMessageContaining("scout.db.lock");
        }
        assertThat(SqliteStore.inUse(file)).isFalse();
        try (SqliteStore again = SqliteStore.open(file, exclusive())) {
            assertThat(again.lastRuns(1)).isEmpty();
        }
    }

    @Test
    void probesAndRefusedOpensInThisJvmKeepTheLockForOtherProcesses() throws Exception {
        Path file = dir.resolve("scout.db");
        try (SqliteStore run = SqliteStore.open(file, exclusive())) {
            // On Linux, closing any descriptor of the lock file would drop this process's lock: neither may open it.
            assertThat(SqliteStore.inUse(file)).isTrue();
            assertThat(catchThrowableOfType(StoreException.class, () -> SqliteStore.open(file, exclusive())).kind())
                    .isEqualTo(StoreException.Kind.IN_USE);

            assertThat(childTries(file)).isEqualTo("IN_USE");
        }
        assertThat(childTries(file)).isEqualTo("OPENED");
    }

    private String childTries(Path file) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", classpath, LockHolderMain.class.getName(), "try", file.toString()))
                .redirectError(dir.resolve("try.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return line;
        }
    }

    @Test
    void readersStillOpenAStoreThatARunHolds() {
        Path file = dir.resolve("scout.db");
        try (SqliteStore run = SqliteStore.open(file, exclusive())) {
            long id = run.startRun("cfg", "v");
            run.flush();
            try (SqliteStore reader = SqliteStore.open(file)) {
                assertThat(reader.lastRuns(1)).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(id));
            }
        }
    }

    @Test
    void inMemoryStoresNeedNoLock() {
        try (SqliteStore a = SqliteStore.inMemory(exclusive()); SqliteStore b = SqliteStore.inMemory(exclusive())) {
            assertThat(a.lastRuns(1)).isEmpty();
            assertThat(b.lastRuns(1)).isEmpty();
        }
    }

    @Test
    void lockOfAKilledProcessIsReleasedByTheSystem() throws Exception {
        Path file = dir.resolve("scout.db");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", classpath, LockHolderMain.class.getName(), "hold", file.toString()))
                .redirectError(dir.resolve("child.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("HOLDING");
            assertThat(SqliteStore.inUse(file)).isTrue();
            assertThat(catchThrowableOfType(StoreException.class, () -> SqliteStore.open(file, exclusive())).kind())
                    .isEqualTo(StoreException.Kind.IN_USE);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(SqliteStore.inUse(file)).isFalse();
        try (SqliteStore next = SqliteStore.open(file, exclusive())) {
            assertThat(next.lastRuns(5)).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(RunInfo.RunStatus.RUNNING));
        }
    }
}

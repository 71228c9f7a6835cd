package dev.scout.store.postgres.fleet;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Exactly one worker finishes a run, however many find the frontier empty at once. */
class RunFinishTest {
    @Test
    void exactlyOneOfManyWorkersWinsTheFinishOfARun() throws Exception {
        RunFinish finish = new RunFinish(PostgresFixture.freshDatabase());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String worker = "w" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return finish.claim(7, worker, Instant.parse("2026-12-04T18:00:00Z"));
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> a : answers) {
                winners += a.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(finish.claim(8, "w0", Instant.parse("2026-12-04T18:00:00Z"))).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}

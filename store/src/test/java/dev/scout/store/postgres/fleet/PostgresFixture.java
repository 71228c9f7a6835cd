package dev.scout.store.postgres.fleet;

import dev.scout.store.postgres.LocalPostgres;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;

/**
 * One throwaway PostgreSQL server per test JVM, started on first use and stopped at JVM exit. Tests call
 * {@link #server()}; when no PostgreSQL binaries are installed they are skipped with the reason (under {@code CI=true} a
 * missing server fails them instead: {@code .ci/run} installs Debian's {@code postgresql}).
 */
final class PostgresFixture {
    private static LocalPostgres server;
    private static int databases;

    private PostgresFixture() {
    }

    static synchronized LocalPostgres server() throws Exception {
        if (server == null) {
            Optional<LocalPostgres> found = LocalPostgres.find();
            String missing = "no PostgreSQL binaries under /usr/lib/postgresql or on the PATH (install Debian's postgresql package,"
                    + " as .ci/run does, or set SCOUT_PG_BIN to a bin directory with pg_ctl)";
            if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("the fleet tests need PostgreSQL under CI=true: " + missing);
            }
            Assumptions.assumeTrue(found.isPresent(), "skipped: " + missing);
            server = found.get();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    System.err.println("could not stop the test PostgreSQL: " + e);
                }
            }, "scout-test-pg-stop"));
        }
        return server;
    }

    /** A fresh database with the fleet schema, on the shared server. */
    static FleetDatabase freshDatabase() throws Exception {
        LocalPostgres pg = server();
        String name;
        synchronized (PostgresFixture.class) {
            name = "fleet_" + (++databases);
        }
        try (Connection c = dataSource("postgres").getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        }
        PGSimpleDataSource ds = dataSource(name);
        FleetSchemaForTests.apply(ds);
        return new FleetDatabase(ds, "postgresql://127.0.0.1:" + pg.port() + "/" + name);
    }

    /** A data source on {@code database} of the shared server, as its superuser. */
    static PGSimpleDataSource dataSource(String database) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(server().jdbcUrl(database));
        ds.setUser(LocalPostgres.SUPERUSER);
        ds.setConnectTimeout(5);
        return ds;
    }
}

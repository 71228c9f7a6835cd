package dev.scout.demo.bench;

import dev.scout.app.UsageException;
import dev.scout.store.postgres.LocalPostgres;
import dev.scout.store.postgres.PostgresLocation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The PostgreSQL server the fleet benchmark (and the scale benchmark on PostgreSQL) runs on: the one named by {@code --store} (a role that may create
 * databases), or a throwaway server started from the installed binaries ({@link LocalPostgres}). Hands out a fresh,
 * empty database per measurement and drops it afterwards. Not thread-safe.
 */
public final class BenchPostgres implements AutoCloseable {
    private final PostgresLocation admin;
    private final Optional<LocalPostgres> local;

    private BenchPostgres(PostgresLocation admin, Optional<LocalPostgres> local) {
        this.admin = admin;
        this.local = local;
    }

    /**
     * The server at {@code url}, or a throwaway local one when {@code url} is empty.
     *
     * @throws UsageException (exit 2) when the URL is wrong or unreachable, or no server is given and none is installed
     */
    public static BenchPostgres open(Optional<String> url) throws InterruptedException {
        if (url.isPresent()) {
            PostgresLocation where;
            try {
                where = PostgresLocation.parse(url.get());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--store: " + e.getMessage(), e);
            }
            BenchPostgres pg = new BenchPostgres(where, Optional.empty());
            pg.execute("SELECT 1");
            return pg;
        }
        Optional<LocalPostgres> started;
        try {
            started = LocalPostgres.find();
        } catch (IOException e) {
            throw new UsageException("the benchmark could not start a throwaway PostgreSQL (" + e.getMessage()
                    + "); pass --store postgresql://user@host:port/database naming a server and a role that may"
                    + " create databases", e);
        }
        if (started.isEmpty()) {
            throw new UsageException("this benchmark needs PostgreSQL: pass --store postgresql://user@host:port/"
                    + "database (a role that may create databases; password in the URL or PGPASSWORD), or install"
                    + " PostgreSQL's server binaries (Debian/Ubuntu: apt-get install postgresql) so it can start a"
                    + " throwaway server itself (" + LocalPostgres.BIN_VARIABLE + " may name their bin folder)");
        }
        return new BenchPostgres(started.get().location("postgres"), started);
    }

    /** Where the databases live, password masked. */
    public String describe() {
        return local.map(l -> "throwaway PostgreSQL on 127.0.0.1:" + l.port() + " (" + l.folder() + ")")
                .orElse(admin.masked());
    }

    /**
     * The server's processes (postmaster and backends) when this benchmark started the server, so their CPU time can
     * be sampled; empty for a server given by URL.
     */
    public java.util.List<ProcessHandle> serverProcesses() {
        if (local.isEmpty()) {
            return java.util.List.of();
        }
        try {
            String first = java.nio.file.Files.readAllLines(local.get().folder().resolve("data/postmaster.pid")).get(0);
            return ProcessHandle.of(Long.parseLong(first.strip()))
                    .map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()).toList())
                    .orElse(java.util.List.of());
        } catch (IOException | RuntimeException e) {
            return java.util.List.of(); // between a restart's stop and start: nothing to sample this time
        }
    }

    /** Transactions committed in {@code database} so far (every auto-commit statement is one). */
    public long commits(String database) {
        try (Connection c = connect(admin); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new BenchException("cannot read the statistics of " + database + ": " + e.getMessage(), e);
        }
    }

    /** A new empty database named {@code name} (an earlier one of that name is dropped first). */
    public PostgresLocation freshDatabase(String name) {
        drop(name);
        execute("CREATE DATABASE " + name);
        return admin.withDatabase(name);
    }

    /** Drops the database {@code name} if it exists, cutting its connections. */
    public void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** A plain connection to {@code where} as the benchmark's role; the caller closes it. */
    public static Connection connect(PostgresLocation where) {
        try {
            return DriverManager.getConnection(where.jdbcUrl(), where.user(), where.password().orElse(null));
        } catch (SQLException e) {
            throw new UsageException("cannot connect to PostgreSQL at " + where.masked() + ": " + e.getMessage()
                    + " (check the URL, the server and the role's password, in the URL or PGPASSWORD)", e);
        }
    }

    private void execute(String sql) {
        try (Connection c = connect(admin); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new UsageException("PostgreSQL at " + admin.masked() + " refused '" + sql + "': " + e.getMessage()
                    + " (the benchmark creates a database per measurement: use a role with CREATEDB)", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (local.isPresent()) {
            try {
                local.get().close();
            } catch (IOException e) {
                throw new BenchException("the throwaway PostgreSQL in " + local.get().folder()
                        + " did not stop cleanly: " + e.getMessage() + " (stop it with pg_ctl -D <folder>/data stop)", e);
            }
        }
    }
}

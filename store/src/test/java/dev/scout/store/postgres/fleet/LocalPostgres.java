package dev.scout.store.postgres.fleet;

import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real, throwaway PostgreSQL server for tests: Debian's {@code postgresql} binaries (on the CI image) run with
 * {@code initdb} + {@code pg_ctl} on a free port, trust authentication, fsync off. PostgreSQL refuses to run as
 * root, so when the tests run as root the server runs as the {@code postgres} (or {@code nobody}) user through
 * {@code runuser}. {@link #find()} is empty when no binaries are installed; the caller skips and says so.
 * {@link #stop(boolean)} / {@link #start()} restart the same cluster (the fault tests).
 */
final class LocalPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final Optional<String> runAs;
    private final int port;

    private LocalPostgres(Path bin, Path dir, Optional<String> runAs, int port) {
        this.bin = bin;
        this.dir = dir;
        this.runAs = runAs;
        this.port = port;
    }

    /** The newest installed PostgreSQL's bin directory ({@code SCOUT_PG_BIN} overrides). */
    static Optional<Path> binaries() {
        String env = System.getenv("SCOUT_PG_BIN");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(p -> Files.isExecutable(p.resolve("pg_ctl")));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Initialises and starts a new cluster; empty when no PostgreSQL binaries are installed. */
    static Optional<LocalPostgres> find() throws IOException, InterruptedException {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("scout-pg-");
        Optional<String> runAs = "root".equals(System.getProperty("user.name")) ? Optional.of(unprivilegedUser())
                : Optional.empty();
        if (runAs.isPresent()) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName(runAs.get()));
        }
        LocalPostgres pg = new LocalPostgres(bin.get(), dir, runAs, freePort());
        pg.run(List.of(bin.get().resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                "-U", "scout", "-E", "UTF8", "--no-sync"));
        pg.start();
        return Optional.of(pg);
    }

    private static String unprivilegedUser() {
        return Files.isDirectory(Path.of("/var/lib/postgresql")) ? "postgres" : "nobody";
    }

    void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                "start"));
    }

    /** Stops the server: {@code immediate} is a crash (no checkpoint, connections cut), else a fast shutdown. */
    void stop(boolean immediate) throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m",
                immediate ? "immediate" : "fast", "-w", "stop"));
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A data source on a fresh database named {@code name}, with the fleet's migration applied. */
    PGSimpleDataSource freshDatabase(String name) throws SQLException, IOException {
        try (Connection c = dataSource("postgres").getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        }
        PGSimpleDataSource ds = dataSource(name);
        FleetSchemaForTests.apply(ds);
        return ds;
    }

    PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl(database));
        ds.setUser("scout");
        ds.setConnectTimeout(5);
        return ds;
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        runAs.ifPresent(u -> full.addAll(List.of("runuser", "-u", u, "--")));
        full.addAll(command);
        Path out = Files.createTempFile("scout-pg-cmd-", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", full));
            }
            if (p.exitValue() != 0) {
                String log = Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : "";
                throw new IOException("failed (" + p.exitValue() + "): " + String.join(" ", full) + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + log);
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stop(true);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}

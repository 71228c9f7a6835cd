package dev.scout.store.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server on this machine, for the fleet tests and {@code scout bench fleet}: the installed
 * PostgreSQL binaries run with {@code initdb} + {@code pg_ctl} in a new temporary folder on a free port of 127.0.0.1,
 * trust authentication for the superuser {@code scout}, fsync off (its data is thrown away). PostgreSQL refuses to
 * run as root, so when this JVM runs as root the server runs as the {@code postgres} (or {@code nobody}) user
 * through {@code runuser}. {@link #find()} is empty when no binaries are installed; the caller says what to do.
 * {@link #stop(boolean)} / {@link #start()} restart the same cluster (the fault tests). Not thread-safe.
 */
public final class LocalPostgres implements AutoCloseable {
    /** Environment variable naming a bin directory with {@code pg_ctl} and {@code initdb}. */
    public static final String BIN_VARIABLE = "SCOUT_PG_BIN";
    /** The superuser {@link #find()} creates (trusted on 127.0.0.1, no password). */
    public static final String SUPERUSER = "scout";

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

    /**
     * The bin directory of the PostgreSQL to start: {@value #BIN_VARIABLE} when set, else the newest version under
     * Debian's {@code /usr/lib/postgresql}, else the folder of an {@code initdb} on the {@code PATH}.
     */
    public static Optional<Path> binaries() {
        String env = System.getenv(BIN_VARIABLE);
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(LocalPostgres::hasServer);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Optional<Path> debian = versions.map(v -> v.resolve("bin")).filter(LocalPostgres::hasServer)
                        .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))));
                if (debian.isPresent()) {
                    return debian;
                }
            } catch (IOException | NumberFormatException e) {
                // An unreadable or odd folder: fall through to the PATH.
            }
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path initdb = Path.of(d).resolve("initdb");
            if (!d.isBlank() && Files.isExecutable(initdb)) {
                try {
                    Path real = initdb.toRealPath().getParent(); // Debian's wrappers link into the version's bin
                    if (hasServer(real)) {
                        return Optional.of(real);
                    }
                } catch (IOException e) {
                    // A dangling link: try the next folder.
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasServer(Path binDir) {
        return Files.isExecutable(binDir.resolve("pg_ctl")) && Files.isExecutable(binDir.resolve("initdb"));
    }

    /** Initialises and starts a new cluster; empty when no PostgreSQL binaries are installed. */
    public static Optional<LocalPostgres> find() throws IOException, InterruptedException {
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
        try {
            pg.run(List.of(bin.get().resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                    "-U", SUPERUSER, "-E", "UTF8", "--no-sync"));
            pg.start();
        } catch (IOException | RuntimeException e) {
            pg.deleteFolder();
            throw e;
        }
        return Optional.of(pg);
    }

    private static String unprivilegedUser() {
        return Files.isDirectory(Path.of("/var/lib/postgresql")) ? "postgres" : "nobody";
    }

    /** Starts the server (again). */
    public void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                "start"));
    }

    /** Stops the server: {@code immediate} is a crash (no checkpoint, connections cut), else a fast shutdown. */
    public void stop(boolean immediate) throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m",
                immediate ? "immediate" : "fast", "-w", "stop"));
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser's location of {@code database} on this server. */
    public PostgresLocation location(String database) {
        return PostgresLocation.parse("postgresql://" + SUPERUSER + "@127.0.0.1:" + port + "/" + database, Map.of());
    }

    /** The server's folder (data directory, log). */
    public Path folder() {
        return dir;
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
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops the server at once (its data is throwaway) and deletes its folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stop(true);
        } finally {
            deleteFolder();
        }
    }

    private void deleteFolder() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

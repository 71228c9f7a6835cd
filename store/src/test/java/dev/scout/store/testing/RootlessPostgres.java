package dev.scout.store.testing;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL from zonky's binaries artifact, run as the unprivileged user {@code nobody} (uid 65534) through
 * {@code setpriv} (util-linux): the way to start it when this JVM runs as root and user namespaces are not allowed
 * ({@code postgres} and {@code initdb} refuse to run as root). The binaries, data directory and socket live in one
 * temporary directory, removed on {@link #close()}; the server listens on 127.0.0.1 on a free port.
 */
final class RootlessPostgres implements AutoCloseable {
    private static final String NOBODY = "65534";
    private static final long STEP_TIMEOUT_SECONDS = 120;

    private final Path base;
    private final Path data;
    private final int port;

    private RootlessPostgres(Path base, Path data, int port) {
        this.base = base;
        this.data = data;
        this.port = port;
    }

    /** True when this JVM runs as uid 0. */
    static boolean runningAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return false; // not a Unix system (or the module is absent): not root in the sense that matters here
        }
    }

    static RootlessPostgres start() throws IOException {
        Path base = Files.createTempDirectory("scout-test-pg-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Path pg = base.resolve("pg");
            extract(pg);
            Path data = base.resolve("data");
            Path sockets = base.resolve("sockets");
            Files.createDirectories(data);
            Files.createDirectories(sockets);
            run(List.of("chown", NOBODY + ":" + NOBODY, data.toString(), sockets.toString()), base, false);
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            run(asNobody(pg.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--no-locale"), base, true);
            TestPostgres.PgHba.write(data); // root may write there; the server (nobody) only reads it
            int port = freePort();
            run(asNobody(pg.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-l",
                    sockets.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + sockets + " -F -c synchronous_commit=off"
                            + " -c full_page_writes=off", "start"), base, true);
            return new RootlessPostgres(base, data, port);
        } catch (IOException | RuntimeException e) {
            delete(base);
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** Stops the server at once (its data is throwaway) and deletes the directory. */
    @Override
    public void close() throws IOException {
        try {
            run(asNobody(base.resolve("pg/bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                    "stop"), base, true);
        } finally {
            delete(base);
        }
    }

    /** {@code command} run as nobody:nogroup with no supplementary groups. */
    private static List<String> asNobody(String... command) {
        List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--"));
        out.addAll(List.of(command));
        return out;
    }

    private static void run(List<String> command, Path dir, boolean asNobody) throws IOException {
        Path log = Files.createTempFile("scout-test-pg-step-", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean done;
            try {
                done = p.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted while running " + command, e);
            }
            if (!done) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + STEP_TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                throw new IOException(String.join(" ", command) + (asNobody ? " (as nobody)" : "") + " exited with "
                        + p.exitValue() + ": " + output.strip());
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Unpacks zonky's {@code postgres-linux-<arch>.txz} (from the binaries artifact on the test class path). */
    private static void extract(Path into) throws IOException {
        try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", System.getProperty("os.arch"));
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("binaries archive entry escapes its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        Files.walkFileTree(into, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

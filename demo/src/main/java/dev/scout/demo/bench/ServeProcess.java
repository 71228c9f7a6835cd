package dev.scout.demo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scout serve --store FILE --port 0} in a child JVM with the given heap and a GC log, as a user starts it.
 * The port is read from the line the command prints once it listens. Closing it sends SIGTERM (the command's
 * shutdown hook closes the store) and waits. Used by the serve benchmark and the review app's browser tests.
 * Not thread-safe.
 */
public final class ServeProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern LISTENING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final int port;
    private final Path log;

    private ServeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** {@link #start(JavaCommand, Path, String, Path, Path)} with this JVM's {@code java} and class path. */
    public static ServeProcess start(Path store, String heap, Path gcLog, Path log) throws InterruptedException {
        return start(JavaCommand.current(), store, heap, gcLog, log);
    }

    /**
     * Starts it and waits until it prints the address it listens on.
     *
     * @param gcLog where the unified GC log goes
     * @param log   stdout and stderr of the child
     */
    static ServeProcess start(JavaCommand java, Path store, String heap, Path gcLog, Path log) throws InterruptedException {
        ProcessBuilder pb = java.builder(List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog),
                "dev.scout.app.Main", List.of("serve", "--store", store.toString(), "--port", "0"));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new BenchException("cannot start scout serve: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(read(log));
            if (m.find()) {
                return new ServeProcess(p, Integer.parseInt(m.group(1)), log);
            }
            // Waits on the child, not a pace: returns as soon as it exits.
            if (p.waitFor(200, TimeUnit.MILLISECONDS)) {
                throw new BenchException("scout serve exited with " + p.exitValue() + " before listening; its output ("
                        + log + "): " + read(log));
            }
        }
        p.destroyForcibly();
        throw new BenchException("scout serve printed no address within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    public int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new BenchException("scout serve did not stop within 30 s of SIGTERM; see " + log);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new BenchException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

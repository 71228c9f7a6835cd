package dev.scout.demo.browser;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium started for one test class and driven over the DevTools protocol: a fresh profile, networking
 * extras off, a DevTools port picked by Chromium on 127.0.0.1 (read back from {@code DevToolsActivePort}). Closing
 * it ends the process and removes the profile. Test helper.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final Path log;
    private final DevToolsConnection devtools;

    private HeadlessChromium(Process process, Path profile, Path log, DevToolsConnection devtools) {
        this.process = process;
        this.profile = profile;
        this.log = log;
        this.devtools = devtools;
    }

    /** The first of {@code /usr/bin/chromium} or {@code chromium}/{@code chromium-browser} on PATH. */
    public static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!folder.isBlank()) {
                candidates.add(Path.of(folder, "chromium"));
                candidates.add(Path.of(folder, "chromium-browser"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Starts {@code binary}; its stderr goes to {@code workDir/chromium.log}, named in every error. */
    public static HeadlessChromium start(Path binary, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
        Path log = workDir.resolve("chromium-" + System.nanoTime() + ".log");
        List<String> command = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String url = devToolsUrl(process, profile.resolve("DevToolsActivePort"), log);
            return new HeadlessChromium(process, profile, log, DevToolsConnection.open(url, TIMEOUT));
        } catch (IOException | RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    /** A new tab of {@code width} × {@code height} CSS pixels. */
    public BrowserPage newPage(int width, int height) throws IOException {
        String targetId = devtools.call(null, "Target.createTarget", DevToolsConnection.params()
                .put("url", "about:blank")).path("targetId").asText();
        JsonNode attached = devtools.call(null, "Target.attachToTarget",
                DevToolsConnection.params().put("targetId", targetId).put("flatten", true));
        return BrowserPage.attach(devtools, attached.path("sessionId").asText(), width, height);
    }

    /** Chromium's own output so far, for an assertion message. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        devtools.close();
        stop(process);
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Chromium writes the port and path of its DevTools endpoint to {@code DevToolsActivePort} in the profile once
     * it listens; this waits for that file (or for the process to die).
     */
    private static String devToolsUrl(Process process, Path activePort, Path log) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(activePort)) {
                List<String> lines = Files.readAllLines(activePort, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                    return "ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip();
                }
            }
            try {
                if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                    throw new IOException("chromium exited with " + process.exitValue() + " before opening DevTools; see "
                            + log + ": " + Files.readString(log, StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting chromium", e);
            }
        }
        throw new IOException("chromium did not open DevTools within " + TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** Ends Chromium and its helper processes (renderers, zygote), which SIGTERM to the browser normally ends too. */
    private static void stop(Process process) {
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}

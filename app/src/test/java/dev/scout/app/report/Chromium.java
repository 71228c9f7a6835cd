package dev.scout.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local headless Chromium on a file URL with networking features off and a fresh profile. Test helper.
 */
final class Chromium {

    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;
    private final Path workDir;

    private Chromium(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /** The first of {@code /usr/bin/chromium} or {@code chromium}/{@code chromium-browser} on PATH. */
    static Optional<Chromium> find(Path workDir) {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isBlank()) {
                candidates.add(Path.of(folder, "chromium"));
                candidates.add(Path.of(folder, "chromium-browser"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(b -> new Chromium(b, workDir));
    }

    /** The DOM after scripts ran, as serialised by {@code --dump-dom}. */
    String dumpDom(String url) throws IOException, InterruptedException {
        Path out = workDir.resolve("dom-" + System.nanoTime() + ".html");
        run(List.of("--dump-dom", url), out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Saves a screenshot of {@code url} at {@code png}. */
    void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", url), workDir.resolve("screenshot-" + System.nanoTime() + ".log"));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IOException("chromium wrote no screenshot at " + png);
        }
    }

    private void run(List<String> args, Path stdout) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--virtual-time-budget=5000", "--user-data-dir=" + profile));
        command.addAll(args);
        Path stderr = workDir.resolve("chromium-" + System.nanoTime() + ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("chromium exited with " + process.exitValue() + ": "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
    }
}

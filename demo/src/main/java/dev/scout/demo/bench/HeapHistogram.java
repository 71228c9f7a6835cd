package dev.scout.demo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class histogram of a running JVM ({@code jcmd PID GC.class_histogram}). Taking one runs a full GC first, so
 * {@link #liveBytes()} is the heap after a full collection: what the program really holds at that moment.
 *
 * @param liveBytes   the histogram's total, in bytes
 * @param instances   objects in total
 * @param text        the histogram as jcmd printed it
 */
record HeapHistogram(long liveBytes, long instances, String text) {

    /**
     * Takes a histogram of {@code pid}.
     *
     * @throws BenchException when jcmd fails or the JVM ended (check {@link ProcessHandle#isAlive()} before)
     */
    static HeapHistogram take(Path jcmd, long pid) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram");
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new BenchException("jcmd " + pid + " GC.class_histogram failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchException("cannot run " + jcmd + " (a JDK, not a JRE, is needed for the heap samples): "
                    + e.getMessage(), e);
        }
    }

    /** Reads jcmd's output; the last line is {@code Total <instances> <bytes>}. */
    static HeapHistogram parse(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] parts = lines.get(i).split("\\s+");
            if (parts.length == 3 && parts[0].equals("Total")) {
                return new HeapHistogram(Long.parseLong(parts[2]), Long.parseLong(parts[1]), text);
            }
        }
        throw new BenchException("no 'Total' line in the class histogram: " + text.lines().limit(5).toList());
    }

    /** The histogram's first {@code classes} classes (largest first), with its header. */
    String top(int classes) {
        return text.lines().limit(classes + 3L).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    void save(Path file) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BenchException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

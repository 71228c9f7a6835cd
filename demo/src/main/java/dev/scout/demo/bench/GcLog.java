package dev.scout.demo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap after each collection from a unified GC log ({@code -Xlog:gc:file=...}), e.g.
 * {@code [12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 45M->12M(256M) 3.2ms}.
 */
final class GcLog {
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[(\\d+(?:\\.\\d+)?)s\\].*?\\bGC\\(\\d+\\) (Pause .*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    /** One collection: seconds since JVM start, its kind, heap after it and committed heap, in bytes. */
    record Collection(double uptimeSeconds, String kind, long afterBytes, long committedBytes) {
        boolean full() {
            return kind.startsWith("Pause Full");
        }
    }

    private GcLog() {
    }

    static List<Collection> read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new BenchException("cannot read the GC log " + file + ": " + e.getMessage(), e);
        }
    }

    static List<Collection> parse(List<String> lines) {
        List<Collection> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                out.add(new Collection(Double.parseDouble(m.group(1)), m.group(2).strip(),
                        bytes(m.group(5), m.group(6)), bytes(m.group(7), m.group(8))));
            }
        }
        return out;
    }

    private static long bytes(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "K" -> v << 10;
            case "M" -> v << 20;
            default -> v << 30;
        };
    }
}

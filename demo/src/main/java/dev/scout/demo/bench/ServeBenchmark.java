package dev.scout.demo.bench;

import dev.scout.store.RunInfo;
import dev.scout.store.SqliteStore;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scout bench serve}: writes (or reuses) a store of {@code profiles} generated verdicts, starts the real
 * {@code scout serve} on it in a child JVM with a small heap, and times the candidate list over a seeded mix of
 * filters, sorts and pages ({@link ListRequestMix}) from one client, one request at a time, after a warm-up; then
 * a sample of candidate pages; then the heap after a full GC. Target: list p95 ≤ {@link #TARGET_P95_MILLIS} ms.
 * Everything stays in the working folder. One run per instance; not thread-safe.
 */
public final class ServeBenchmark {

    /** The target for the list page with filters, at the 95th percentile. */
    public static final double TARGET_P95_MILLIS = 200;
    private static final Pattern PROFILE = Pattern.compile("data-profile=\"([^\"]+)\"");

    /**
     * @param profiles generated profiles in the store
     * @param dir      working folder; a store generated earlier for the same size and seed is reused
     * @param heap     -Xmx of the serve JVM, e.g. {@code 256m}
     * @param requests timed list requests (after {@code warmup} untimed ones)
     * @param warmup   untimed list requests first
     * @param seed     seed of the generated store and of the request mix
     */
    public record Options(int profiles, Path dir, String heap, int requests, int warmup, long seed) {
        public Options {
            if (profiles < 1 || requests < 1 || warmup < 0) {
                throw new IllegalArgumentException("profiles and requests must be at least 1 and warmup 0 or more (got "
                        + profiles + ", " + requests + ", " + warmup + ")");
            }
        }
    }

    private final JavaCommand java;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    public ServeBenchmark() {
        this(JavaCommand.current());
    }

    ServeBenchmark(JavaCommand java) {
        this.java = java;
    }

    /** Runs the benchmark, printing progress and the result table to {@code out}. */
    public ServeResult run(Options o, PrintStream out) throws InterruptedException {
        Path store = store(o, out);
        String loadBefore = loadAverage();
        out.printf(Locale.ROOT, "serve: starting scout serve -Xmx%s on %s (load average %s)%n", o.heap(), store, loadBefore);
        try (ServeProcess serve = ServeProcess.start(java, store, o.heap(), o.dir().resolve("serve-gc.log"),
                o.dir().resolve("serve.log"))) {
            String base = "http://127.0.0.1:" + serve.port();
            ListRequestMix mix = new ListRequestMix(o.seed(), o.profiles());
            out.printf(Locale.ROOT, "serve: listening on %s (pid %d); %d warm-up requests%n", base, serve.pid(), o.warmup());
            List<String> ids = new ArrayList<>();
            for (ListRequestMix.ListRequest r : mix.next(o.warmup())) {
                collectIds(list(base + r.pathAndQuery(), r.kind()), ids);
            }
            out.printf(Locale.ROOT, "serve: timing %d list requests, one at a time%n", o.requests());
            long cpuBefore = cpuMillis(serve.pid());
            List<Long> all = new ArrayList<>();
            Map<String, List<Long>> byKind = new LinkedHashMap<>();
            for (ListRequestMix.ListRequest r : mix.next(o.requests())) {
                long start = System.nanoTime();
                String body = list(base + r.pathAndQuery(), r.kind());
                long nanos = System.nanoTime() - start;
                all.add(nanos);
                byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(nanos);
                collectIds(body, ids);
            }
            long cpuDuringList = cpuMillis(serve.pid()) - cpuBefore;
            if (ids.isEmpty()) {
                throw new BenchException("no list page held a candidate row (tr data-profile); see " + o.dir().resolve("serve.log"));
            }
            List<Long> candidatePages = new ArrayList<>();
            for (String id : ids.stream().distinct().limit(100).toList()) {
                long start = System.nanoTime();
                get(base + "/candidate?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8), "candidate " + id);
                candidatePages.add(System.nanoTime() - start);
            }
            HeapHistogram heap = HeapHistogram.take(java.jcmd(), serve.pid());
            heap.save(o.dir().resolve("serve-histogram.txt"));
            long maxAfterGc = GcLog.read(o.dir().resolve("serve-gc.log")).stream()
                    .mapToLong(GcLog.Collection::afterBytes).max().orElse(0);
            Map<String, Latencies> kinds = new LinkedHashMap<>();
            byKind.forEach((k, v) -> kinds.put(k, Latencies.of(v)));
            ServeResult result = new ServeResult(o.profiles(), o.heap(), Latencies.of(all), kinds,
                    Latencies.of(candidatePages), cpuDuringList < 0 ? -1 : (double) cpuDuringList / o.requests(),
                    heap.liveBytes(), maxAfterGc, loadBefore, loadAverage(),
                    size(store) + size(store.resolveSibling(store.getFileName() + "-wal")));
            result.print(out);
            return result;
        }
    }

    /** The generated store for these options: reused when an earlier run finished it, else written anew. */
    private Path store(Options o, PrintStream out) {
        Path file = o.dir().resolve("serve-" + o.profiles() + "-" + o.seed() + ".db");
        try {
            Files.createDirectories(o.dir());
            if (Files.exists(file) && generated(file)) {
                out.printf(Locale.ROOT, "serve: reusing the generated store %s%n", file);
                return file;
            }
            for (String suffix : List.of("", "-wal", "-shm", ".lock")) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new BenchException("cannot prepare " + file + ": " + e.getMessage(), e);
        }
        out.printf(Locale.ROOT, "serve: generating %,d profiles (snapshot, verdict, 1 in 50 reviewed) into %s...%n",
                o.profiles(), file);
        CandidateStoreGenerator.Result r = new CandidateStoreGenerator(o.profiles(), o.seed()).write(file);
        out.printf(Locale.ROOT, "serve: generated in %.1f s: %,d verdicts, %,d flagged, %,d reviews%n",
                r.took().toMillis() / 1000.0, r.profiles(), r.flagged(), r.reviews());
        return file;
    }

    /** True when the store's newest run completed: an interrupted generation is written again. */
    private static boolean generated(Path file) {
        try (SqliteStore s = SqliteStore.open(file)) {
            List<RunInfo> runs = s.lastRuns(1);
            return !runs.isEmpty() && runs.get(0).status() == RunInfo.RunStatus.COMPLETED;
        }
    }

    /**
     * A list page; it must hold the candidate table, so that a page that only says "no scored run" (or any other
     * short answer) is never timed as if it were the list.
     */
    private String list(String url, String what) throws InterruptedException {
        String body = get(url, what);
        if (!body.contains("id=\"candidates\"")) {
            throw new BenchException("scout serve answered " + url + " without the candidate table: "
                    + body.substring(0, Math.min(500, body.length())));
        }
        return body;
    }

    private String get(String url, String what) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new BenchException("scout serve answered " + r.statusCode() + " to " + url + " (" + what + "): "
                        + r.body().substring(0, Math.min(500, r.body().length())));
            }
            return r.body();
        } catch (IOException e) {
            throw new BenchException("request to scout serve failed: " + url + " (" + what + "): " + e.getMessage(), e);
        }
    }

    private static void collectIds(String html, List<String> ids) {
        Matcher m = PROFILE.matcher(html);
        while (m.find() && ids.size() < 1_000) {
            ids.add(m.group(1).replace("&amp;", "&"));
        }
    }

    /**
     * CPU time (user + system) the process has used, in milliseconds, from {@code /proc/PID/stat} (fields 14 and 15,
     * in clock ticks of 10 ms); a large negative number off Linux, so that a difference comes out negative.
     * Unlike wall time it hardly depends on what else the machine runs.
     */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return Long.MIN_VALUE / 2;
        }
    }

    /** {@code /proc/loadavg}'s three figures, or "unknown" off Linux. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new BenchException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }
}

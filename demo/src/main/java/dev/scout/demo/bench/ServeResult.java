package dev.scout.demo.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one serve benchmark, printed as the table {@code BENCHMARKS.md} records.
 *
 * @param profiles        verdicts in the store's run
 * @param heapLimit       the serve JVM's -Xmx
 * @param list            every timed list request
 * @param listByKind      the same, per filter set (a page past the tenth counts as "deep page")
 * @param candidatePages  candidate pages opened after the list requests
 * @param cpuMillisPerList the serve JVM's CPU time (user + system) per timed list request, -1 when unknown
 * @param liveBytes       heap after a full GC at the end (class histogram)
 * @param maxAfterGc      highest heap after any collection in the GC log
 * @param loadBefore      load average when the server started
 * @param loadAfter       load average at the end
 * @param storeBytes      store file plus WAL
 */
public record ServeResult(int profiles, String heapLimit, Latencies list, Map<String, Latencies> listByKind,
                          Latencies candidatePages, double cpuMillisPerList, long liveBytes, long maxAfterGc, String loadBefore,
                          String loadAfter, long storeBytes) {

    public ServeResult {
        listByKind = Map.copyOf(listByKind);
    }

    /** The list's p95 is within {@link ServeBenchmark#TARGET_P95_MILLIS}. */
    public boolean targetMet() {
        return list.percentileMillis(95) <= ServeBenchmark.TARGET_P95_MILLIS;
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "serve benchmark: %,d profiles (store %s), scout serve -Xmx%s, load average %s -> %s%n",
                profiles, ScaleSetup.mib(storeBytes), heapLimit, loadBefore, loadAfter);
        out.printf(Locale.ROOT, "%-34s %6s %8s %8s %8s %8s%n", "requests", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
        row(out, "list page, all", list);
        listByKind.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> row(out, "  " + e.getKey(), e.getValue()));
        row(out, "candidate page", candidatePages);
        out.printf(Locale.ROOT, "%-34s %s%n", "serve CPU per list request (mean)",
                cpuMillisPerList < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f ms", cpuMillisPerList));
        out.printf(Locale.ROOT, "%-34s %s%n", "heap after full GC at the end", ScaleSetup.mib(liveBytes));
        out.printf(Locale.ROOT, "%-34s %s%n", "highest heap after any GC", ScaleSetup.mib(maxAfterGc));
        out.printf(Locale.ROOT, "%s: list p95 %.1f ms (target <= %.0f ms)%n", targetMet() ? "target met" : "target missed",
                list.percentileMillis(95), ServeBenchmark.TARGET_P95_MILLIS);
    }

    private static void row(PrintStream out, String label, Latencies l) {
        out.printf(Locale.ROOT, "%-34s %6d %8.1f %8.1f %8.1f %8.1f%n", label, l.count(), l.percentileMillis(50),
                l.percentileMillis(95), l.percentileMillis(99), l.maxMillis());
    }
}

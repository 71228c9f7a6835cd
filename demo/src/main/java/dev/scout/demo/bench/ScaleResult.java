package dev.scout.demo.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one scale run, printed as the table {@code BENCHMARKS.md} records.
 *
 * @param accounts         simulated accounts (every one of them in the frontier)
 * @param frontier         frontier entries per state at the end
 * @param requests         HTTP requests Scout sent (crawl-stats.json)
 * @param crawlWall        the crawl's own wall time (crawl-stats.json)
 * @param scoutWall        the Scout JVM from start to exit (crawl, scoring, exports)
 * @param heapLimit        the Scout JVM's -Xmx
 * @param samples          heap after full GC over the run
 * @param maxAfterYoung    the highest heap after any collection in the GC log (young ones included)
 * @param snapshotRows     rows in {@code snapshots}
 * @param postRows         rows in {@code posts}
 * @param scoreRows        rows in {@code scores}
 * @param storeBytes       the store file plus its WAL, or the PostgreSQL database
 * @param postgres         whether the store was PostgreSQL (then Scout ran as a fleet worker)
 * @param exitCode         exit code of {@code scout run}
 */
public record ScaleResult(int accounts, StoreProbe.Frontier frontier, long requests, Duration crawlWall, Duration scoutWall,
                   String heapLimit, List<HeapSample> samples, long maxAfterYoung, long snapshotRows, long postRows,
                   long scoreRows, long storeBytes, boolean postgres, int exitCode) {

    /**
     * Rows the crawl wrote per second of crawl: two frontier updates per finished entry (claim and outcome), one
     * snapshot row per fetched profile and one row per post seen.
     */
    double writesPerSecond() {
        double seconds = Math.max(0.001, crawlWall.toMillis() / 1000.0);
        return (2.0 * frontier.finished() + snapshotRows + postRows) / seconds;
    }

    /** Heap growth from the first sample of the crawl (10% finished, or the first tenth reached) to its end (100%). */
    long crawlGrowthBytes() {
        List<HeapSample> crawl = samples.stream().filter(s -> s.label().endsWith("%")).toList();
        return crawl.size() < 2 ? 0 : crawl.get(crawl.size() - 1).liveBytes() - crawl.get(0).liveBytes();
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "scale benchmark: %,d simulated accounts, %s, Scout heap -Xmx%s, exit code %d%s%n",
                accounts, postgres ? "PostgreSQL store" : "SQLite store", heapLimit, exitCode, exitCode == 0 ? "" : " (scout run failed: see scout-run.err; figures"
                        + " from crawl-stats.json are 0 when it wrote none)");
        out.printf(Locale.ROOT, "%-38s %,d (done %,d, skipped %,d, failed %,d, pending %,d)%n", "frontier entries",
                frontier.total(), frontier.get("done"), frontier.get("skipped"), frontier.get("failed"),
                frontier.get("pending") + frontier.get("in_flight"));
        out.printf(Locale.ROOT, "%-38s %,d (%.2f per fetched profile)%n", "HTTP requests", requests,
                snapshotRows == 0 ? 0.0 : (double) requests / snapshotRows);
        out.printf(Locale.ROOT, "%-38s %s (%,.0f entries/s)%n", "crawl wall time", seconds(crawlWall),
                frontier.finished() / Math.max(0.001, crawlWall.toMillis() / 1000.0));
        out.printf(Locale.ROOT, "%-38s %s%n", "Scout JVM wall time (crawl+score+out)", seconds(scoutWall));
        for (HeapSample s : samples) {
            out.printf(Locale.ROOT, "  heap after full GC at %-15s %8s  (%,d finished, t=%.0f s)%n", s.label(),
                    ScaleSetup.mib(s.liveBytes()), s.finished(), s.seconds());
        }
        out.printf(Locale.ROOT, "%-38s %s%n", "heap growth first tenth -> crawl end", ScaleSetup.mib(crawlGrowthBytes()));
        out.printf(Locale.ROOT, "%-38s %s%n", "highest heap after any GC (GC log)", ScaleSetup.mib(maxAfterYoung));
        out.printf(Locale.ROOT, "%-38s %,d snapshots, %,d posts, %,d scores%n", "store rows", snapshotRows, postRows, scoreRows);
        out.printf(Locale.ROOT, "%-38s %,.0f rows/s%n", "store writes during the crawl", writesPerSecond());
        out.printf(Locale.ROOT, "%-38s %s%n", postgres ? "store database" : "store file (+WAL)", ScaleSetup.mib(storeBytes));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}

package dev.scout.app.console;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Plain progress lines for logs and CI: one line at most every few seconds, with rate and ETA. */
final class LineProgress implements Progress {
    private static final long INTERVAL_NANOS = 3_000_000_000L;

    private final String task;
    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final long startedAt;
    private long lastPrintAt;
    private long done;
    private long total;
    private String status = "";

    LineProgress(String task, PrintStream out, LongSupplier nanoTime) {
        this.task = task;
        this.out = out;
        this.nanoTime = nanoTime;
        this.startedAt = nanoTime.getAsLong();
        this.lastPrintAt = startedAt;
    }

    @Override
    public synchronized void total(long newTotal) {
        total = Math.max(total, newTotal);
    }

    @Override
    public synchronized void advance(long n, String newStatus) {
        done += n;
        status = newStatus;
        long now = nanoTime.getAsLong();
        if (now - lastPrintAt >= INTERVAL_NANOS) {
            lastPrintAt = now;
            out.println(line(now));
        }
    }

    @Override
    public synchronized void close() {
        out.println(line(nanoTime.getAsLong()) + " — done");
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - startedAt) / 1e9);
        double rate = done / seconds;
        String eta = total > done && rate > 0 ? String.format(Locale.ROOT, ", ETA %ds", Math.round((total - done) / rate)) : "";
        return String.format(Locale.ROOT, "%s: %d/%d (%.1f/s%s)%s", task, done, Math.max(total, done), rate, eta,
                status.isEmpty() ? "" : " " + status);
    }
}

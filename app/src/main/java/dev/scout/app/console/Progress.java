package dev.scout.app.console;

import java.io.PrintStream;

/**
 * Progress of a long task as the user sees it: a bar with rate and ETA on a terminal, plain periodic lines when
 * output is redirected, nothing with {@code --quiet}. Thread-safe.
 */
public interface Progress extends AutoCloseable {

    /** Sets or raises the expected total (discovery keeps finding work). */
    void total(long total);

    /** Records {@code n} more finished units and a short status (e.g. "42 flagged so far"). */
    void advance(long n, String status);

    @Override
    void close();

    /** Chooses the display: a bar when {@code interactive}, plain lines otherwise, nothing when {@code quiet}. */
    static Progress create(String task, PrintStream out, boolean interactive, boolean quiet) {
        if (quiet) {
            return new Silent();
        }
        return interactive ? new BarProgress(task, out) : new LineProgress(task, out, System::nanoTime);
    }

    /** No output at all. */
    final class Silent implements Progress {
        @Override
        public void total(long total) {
        }

        @Override
        public void advance(long n, String status) {
        }

        @Override
        public void close() {
        }
    }
}

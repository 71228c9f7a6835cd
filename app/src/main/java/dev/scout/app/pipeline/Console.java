package dev.scout.app.pipeline;

import dev.scout.app.console.Progress;

import java.io.PrintStream;

/**
 * Where a job talks to the user: results on {@code out}, notes and progress on {@code err} (so {@code out} can be
 * piped), nothing but results with {@code quiet}.
 */
public record Console(PrintStream out, PrintStream err, boolean quiet, boolean interactive) {

    public static Console system(boolean quiet) {
        return new Console(System.out, System.err, quiet, System.console() != null);
    }

    public void info(String line) {
        if (!quiet) {
            err.println(line);
        }
    }

    public Progress progress(String task) {
        return Progress.create(task, err, interactive, quiet);
    }
}

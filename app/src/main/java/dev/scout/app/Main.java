package dev.scout.app;

import picocli.CommandLine;

/** Entry point of the {@code scout} command. Exit codes: 0 ok, 1 run failed, 2 usage or config error. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return ScoutCommand.commandLine().execute(args);
    }
}

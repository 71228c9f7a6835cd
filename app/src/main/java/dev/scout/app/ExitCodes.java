package dev.scout.app;

import dev.scout.store.StoreException;
import picocli.CommandLine;

/** Scout's exit codes, the same for every subcommand, and the one place that turns exceptions into them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }

    /** Maps an exception escaping a command to an exit code after printing a one-paragraph message (no stack trace for expected errors). */
    static CommandLine.IExecutionExceptionHandler handler() {
        return (ex, cl, parseResult) -> {
            var err = cl.getErr();
            if (ex instanceof UsageException || isConfigProblem(ex)) {
                err.println("scout: " + ex.getMessage());
                return USAGE;
            }
            if (ex instanceof RunFailedException) {
                err.println("scout: run failed: " + ex.getMessage());
                return RUN_FAILED;
            }
            if (ex instanceof StoreException store) {
                // A store found damaged (or in use) while reading it is the user's to fix, like one refused at open.
                boolean usersToFix = store.kind() == StoreException.Kind.CORRUPT || store.kind() == StoreException.Kind.IN_USE
                        || store.kind() == StoreException.Kind.NEWER_SCHEMA || store.kind() == StoreException.Kind.LOCKED
                        || store.kind() == StoreException.Kind.ACCESS_DENIED || store.kind() == StoreException.Kind.NO_DATABASE;
                err.println("scout: " + (usersToFix ? "" : "run failed: ") + ex.getMessage());
                return usersToFix ? USAGE : RUN_FAILED;
            }
            err.println("scout: unexpected error: " + ex);
            ex.printStackTrace(err);
            return RUN_FAILED;
        };
    }

    private static boolean isConfigProblem(Throwable ex) {
        return ex.getClass().getName().equals("dev.scout.config.ConfigException");
    }
}

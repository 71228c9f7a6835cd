package dev.scout.app;

/** Scout's exit codes, the same for every subcommand. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }

    static int forException(Throwable t) {
        return t instanceof picocli.CommandLine.ParameterException ? USAGE : RUN_FAILED;
    }
}

package dev.scout.app;

/** The job ran but could not finish (exit code 1); what was gathered is kept, and the message says where. */
public final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunFailedException(String message) {
        super(message);
    }

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.scout.demo.bench;

/** The benchmark could not run or measure (a child JVM failed, a tool is missing); the message says what to do. */
public final class BenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.scout.crawler.http;

/** Stands for a 5xx answer in the circuit breaker's failure record (no stack trace: it is a record, not an error). */
final class ServerErrorException extends RuntimeException {

    final int status;

    ServerErrorException(int status) {
        super("HTTP " + status, null, false, false);
        this.status = status;
    }
}

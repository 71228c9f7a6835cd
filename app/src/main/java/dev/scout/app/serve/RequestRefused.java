package dev.scout.app.serve;

/**
 * Ends a request with an HTTP status and a message a person can act on (shown escaped on an error page). Thrown by
 * the guards and by parameter parsing; the server maps it to the response.
 */
final class RequestRefused extends RuntimeException {
    private final int status;

    RequestRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static RequestRefused badRequest(String message) {
        return new RequestRefused(400, message);
    }

    static RequestRefused notFound(String message) {
        return new RequestRefused(404, message);
    }

    static RequestRefused forbidden(String message) {
        return new RequestRefused(403, message);
    }
}

package dev.scout.crawler.http;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one HTTP attempt produced, before the fetcher decides what it means. */
sealed interface Attempt {

    /** A response was received (the body is read only for 2xx and plain 4xx answers, capped). */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, String contentType, Duration elapsed)
            implements Attempt {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }
    }

    /** The status was fine but the body was refused (too large, wrong type); not retried. */
    record BodyRefused(int status, Map<String, List<String>> headers, FetchOutcome.FailureKind kind, String detail)
            implements Attempt {
    }

    /** No usable response: connection, TLS, timeout or protocol error, or the address guard. */
    record TransportError(IOException error, FetchOutcome.FailureKind kind) implements Attempt {
    }

    /** The request's permit lapsed before it could be written ({@link SendDeadline}): nothing reached the server. */
    record NotSent(String reason) implements Attempt {
    }

    /** The address guard refused to connect ({@code host} resolved to {@code address}). */
    record Refused(String host, String address, String reason) implements Attempt {
    }
}

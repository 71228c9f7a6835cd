package dev.scout.crawler.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a fetch ended. Every request ends in exactly one of these; nothing is dropped silently.
 */
public sealed interface FetchOutcome {

    URI url();

    /** A 2xx response with its (size-capped, decompressed) body. */
    record Fetched(URI url, int status, Map<String, List<String>> headers, byte[] body, String contentType)
            implements FetchOutcome {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** First value of a header, looked up case-insensitively. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }
    }

    /** 304: the cached copy is still valid; {@code cached} is the earlier response, not re-parsed by the cache. */
    record NotModified(URI url, Fetched cached) implements FetchOutcome {
    }

    /** 404 or 410: the resource does not exist (any more). */
    record Gone(URI url, int status) implements FetchOutcome {
    }

    /**
     * A 4xx other than 404/410/429 (e.g. 400, 401, 403): not retried. The body is kept because platforms put the
     * real reason there (YouTube {@code quotaExceeded}, Bluesky {@code InvalidRequest}).
     */
    record Rejected(URI url, int status, Map<String, List<String>> headers, byte[] body) implements FetchOutcome {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** robots.txt disallows this URL for our product token (an unreachable robots.txt is {@link FailureKind#ROBOTS_UNAVAILABLE}). */
    record RobotsDenied(URI url, String reason) implements FetchOutcome {
    }

    /** The address guard refused to connect (loopback, private, link-local or multicast address). */
    record AddressRefused(URI url, String address, String reason) implements FetchOutcome {
    }

    /**
     * Gave up: I/O errors, 429/5xx after retries, oversized or mis-typed body, circuit open too long, robots.txt
     * unavailable, host too slow, or the host's pacing would hold the request longer than the wait cap.
     *
     * @param retryAt when the host may be asked again, when the fetcher knows (a host paced past the wait cap)
     */
    record Failed(URI url, FailureKind kind, OptionalInt status, String cause, int attempts,
                  java.util.Optional<java.time.Instant> retryAt) implements FetchOutcome {
        public Failed {
            java.util.Objects.requireNonNull(retryAt, "retryAt");
        }

        /** A failure without a known time to come back. */
        public Failed(URI url, FailureKind kind, OptionalInt status, String cause, int attempts) {
            this(url, kind, status, cause, attempts, java.util.Optional.empty());
        }
    }

    /** Why a fetch failed. */
    enum FailureKind {
        IO,
        SERVER_ERROR,
        RATE_LIMITED,
        TOO_LARGE,
        WRONG_CONTENT_TYPE,
        TOO_MANY_REDIRECTS,
        CIRCUIT_OPEN,
        TIMEOUT,
        CANCELLED,
        INTERNAL,
        /** Not an absolute http(s) URL, or a redirect to one. Added by the fetcher (not retried). */
        INVALID_URL,
        /**
         * robots.txt could not be read (5xx, 429, network error): RFC 9309 says disallow everything <em>for now</em>,
         * so this is a transient failure, unlike {@link RobotsDenied}.
         */
        ROBOTS_UNAVAILABLE,
        /** The host timed out too many times in a row; the fetcher stopped sending it requests for now. */
        HOST_TOO_SLOW,
        /**
         * The {@link HostPermit} refused the request: in a fleet, another worker owns the host or this worker's lease
         * on it ran out. Nothing was sent; the profile is queued again for the host's owner.
         */
        HOST_NOT_OWNED
    }
}

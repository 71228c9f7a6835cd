package dev.scout.crawler.platform;

import dev.scout.crawler.http.FetchOutcome;
import dev.scout.model.Platform;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A platform request did not give usable data for one profile (or one discovery call).
 *
 * <p>The message always names the platform, the subject (profile id or discovery source), the URL and what was
 * wrong, so a user can act on it. {@link #retryAt()} is set when trying again later may succeed (rate limited,
 * server errors, circuit open); {@link Kind#QUOTA_EXHAUSTED} means no more requests may be spent on this platform
 * until {@code retryAt}.
 */
public final class PlatformException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, coarse enough for the engine to decide fail / retry / park. */
    public enum Kind {
        /** 404/410 or an API that answers "not found" in its own way. */
        NOT_FOUND,
        /** A 4xx the platform meant (forbidden, bad request, authentication required). */
        REJECTED,
        /** Network, 5xx, 429 after retries, circuit open, robots.txt unavailable, host too slow: may work later. */
        UNAVAILABLE,
        /** The body was not the documented format, or was refused (larger than the cap, wrong content type). */
        MALFORMED,
        /** robots.txt or the address guard said no. */
        DENIED,
        /** The platform's request budget (YouTube daily quota) is spent. */
        QUOTA_EXHAUSTED
    }

    private final Platform platform;
    private final String subject;
    private final URI url;
    private final Kind kind;
    private final OptionalInt status;
    private final transient Optional<Instant> retryAt;
    private String reasonCode = "";
    private FetchOutcome.FailureKind fetchFailure;

    public PlatformException(Platform platform, String subject, URI url, Kind kind, OptionalInt status, String detail,
                             Optional<Instant> retryAt, Throwable cause) {
        super(platform.key() + " " + (subject.isEmpty() ? "request" : subject) + ": " + detail
                + (url == null ? "" : " (" + url + ")"), cause);
        this.platform = Objects.requireNonNull(platform, "platform");
        this.subject = subject;
        this.url = url;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status == null ? OptionalInt.empty() : status;
        this.retryAt = retryAt == null ? Optional.empty() : retryAt;
    }

    public PlatformException(Platform platform, String subject, URI url, Kind kind, String detail) {
        this(platform, subject, url, kind, OptionalInt.empty(), detail, Optional.empty(), null);
    }

    public Platform platform() {
        return platform;
    }

    /** The profile id or discovery source the request was for. */
    public String subject() {
        return subject;
    }

    /** The URL that failed; may be null when no request was made (e.g. no instance configured for a domain). */
    public URI url() {
        return url;
    }

    public Kind kind() {
        return kind;
    }

    public OptionalInt status() {
        return status;
    }

    /** When a retry may succeed; empty when retrying the same request is pointless. */
    public Optional<Instant> retryAt() {
        return retryAt;
    }

    /**
     * The platform's machine-readable reason from the error body, e.g. YouTube {@code errors[0].reason}
     * ({@code quotaExceeded}) or an XRPC {@code error} name ({@code InvalidRequest}); empty when none was given.
     */
    public String reasonCode() {
        return reasonCode;
    }

    /** Sets the reason code; returns this exception. Only the code that creates the exception calls it. */
    public PlatformException withReasonCode(String code) {
        this.reasonCode = code == null ? "" : code;
        return this;
    }

    /**
     * How the fetch failed when this exception stands for a {@link FetchOutcome.Failed} (circuit open, host too slow,
     * robots.txt unavailable …), so the engine can tell a host's trouble from a profile's; empty otherwise.
     */
    public Optional<FetchOutcome.FailureKind> fetchFailure() {
        return Optional.ofNullable(fetchFailure);
    }

    /** Sets the fetch failure kind; returns this exception. Only the code that creates the exception calls it. */
    public PlatformException withFetchFailure(FetchOutcome.FailureKind kind) {
        this.fetchFailure = kind;
        return this;
    }

    /** True when the engine should try this profile again later. */
    public boolean retryable() {
        return kind == Kind.UNAVAILABLE || kind == Kind.QUOTA_EXHAUSTED;
    }
}

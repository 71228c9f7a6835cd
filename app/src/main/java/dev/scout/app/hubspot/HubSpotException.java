package dev.scout.app.hubspot;

import java.util.Optional;

/**
 * A HubSpot push failed. Messages say what happened and what to do, and never contain the access token.
 * Progress already made is kept in the progress file, so running the same command again resumes.
 */
public final class HubSpotException extends RuntimeException {

    /** What kind of failure, so the CLI can react without parsing the message. */
    public enum Kind {
        /** Token missing or malformed, or invalid settings. */
        CONFIGURATION,
        /** HubSpot rejected the token or its scopes (401/403). */
        AUTH,
        /** Still rate limited after every allowed retry, or the daily limit is used up. */
        RATE_LIMITED,
        /** HubSpot unreachable or failing (5xx, timeouts) after retries: an outage. */
        UNAVAILABLE,
        /** HubSpot refused a request Scout expected it to accept (other 4xx) or answered with unreadable JSON. */
        REJECTED,
        /** The progress file could not be read or written. */
        PROGRESS_FILE
    }

    private final Kind kind;
    private final int status;
    private final String correlationId;

    public HubSpotException(Kind kind, int status, String correlationId, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.correlationId = correlationId;
    }

    public HubSpotException(Kind kind, int status, String correlationId, String message) {
        this(kind, status, correlationId, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or -1 when no response was received. */
    public int status() {
        return status;
    }

    /** HubSpot's correlationId from the error body, for support requests. */
    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }
}

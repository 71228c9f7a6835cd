package dev.scout.app.input;

/**
 * One input line that could not be read; the line was skipped and reading went on.
 *
 * @param line   1-based line number in the input
 * @param reason what was wrong, naming the field, e.g. {@code posts[2].created_at: not an ISO-8601 instant (got 'yesterday')}
 */
public record LineError(long line, String reason) {

    /** "line 12: followers: must be a whole number >= 0 (got -3)". */
    public String describe() {
        return "line " + line + ": " + reason;
    }
}

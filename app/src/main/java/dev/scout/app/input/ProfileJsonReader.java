package dev.scout.app.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scout.model.ProfileSnapshot;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streams profiles from JSON Lines in UTF-8 ({@code scout score --input profiles.jsonl}; schema in
 * {@code docs/INPUT.md}): one profile object per line, read and handed on one line at a time, so memory stays
 * constant however long the file is. A bad line (malformed JSON, JSON nested deeper than Jackson's limit, invalid
 * UTF-8, a field of the wrong type, a line longer than the cap) is reported through the error callback with its line
 * number and reason, then skipped; blank lines are ignored; a UTF-8 byte order mark on the first line is accepted.
 *
 * <p>Not thread-safe: one reader per input. The reader does not close the {@link InputStream}.
 */
public final class ProfileJsonReader {

    /** Default cap on one line: 8 Mi characters (a profile with 40 long posts and a follower sample is ~100 KB). */
    public static final int DEFAULT_MAX_LINE_CHARS = 8 * 1024 * 1024;

    /** What a read did. */
    public record Summary(long lines, long profiles, long errors) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ProfileJsonMapper mapper;
    private final int maxLineChars;

    /**
     * @param defaultCrawledAt crawl time for lines without {@code crawled_at} (the app passes the run's start time)
     * @param maxLineChars     longest accepted line in characters
     */
    public ProfileJsonReader(Instant defaultCrawledAt, int maxLineChars) {
        this.mapper = new ProfileJsonMapper(Objects.requireNonNull(defaultCrawledAt, "defaultCrawledAt"));
        if (maxLineChars < 2) {
            throw new IllegalArgumentException("maxLineChars must be at least 2 (got " + maxLineChars + ")");
        }
        this.maxLineChars = maxLineChars;
    }

    public ProfileJsonReader(Instant defaultCrawledAt) {
        this(defaultCrawledAt, DEFAULT_MAX_LINE_CHARS);
    }

    /**
     * Reads every line of {@code in} (UTF-8 bytes), calling {@code onProfile} for each good line and {@code onError}
     * for each bad one, in input order.
     *
     * @throws IOException when reading {@code in} fails (bad content never throws; it is reported)
     */
    public Summary read(InputStream in, Consumer<ProfileSnapshot> onProfile, Consumer<LineError> onError) throws IOException {
        LineSource lines = new LineSource(in, maxLineChars);
        long profiles = 0;
        long errors = 0;
        long count = 0;
        LineSource.Line line;
        while ((line = lines.next()) != null) {
            count = line.number();
            if (line.tooLong()) {
                errors++;
                onError.accept(new LineError(line.number(), String.format(java.util.Locale.ROOT,
                        "line is longer than %,d characters: split the profile's posts or raise the limit",
                        maxLineChars)));
                continue;
            }
            if (line.problem().isPresent()) {
                errors++;
                onError.accept(new LineError(line.number(), line.problem().get()));
                continue;
            }
            if (line.text().isBlank()) {
                continue;
            }
            try {
                JsonNode node = json.readTree(line.text());
                ProfileSnapshot snapshot = mapper.map(node);
                profiles++;
                onProfile.accept(snapshot);
            } catch (StreamConstraintsException e) {
                errors++;
                onError.accept(new LineError(line.number(), "JSON nested too deeply or too large to read: "
                        + e.getOriginalMessage() + column(e.getLocation())));
            } catch (JsonProcessingException e) {
                errors++;
                onError.accept(new LineError(line.number(), "malformed JSON: " + e.getOriginalMessage()
                        + column(e.getLocation())));
            } catch (InvalidProfileLineException e) {
                errors++;
                onError.accept(new LineError(line.number(), e.getMessage()));
            }
        }
        return new Summary(count, profiles, errors);
    }

    /** Jackson leaves the location out of some errors (limits exceeded): then the message has no column. */
    private static String column(JsonLocation location) {
        return location == null || location.getColumnNr() < 1 ? "" : " (column " + location.getColumnNr() + ")";
    }
}

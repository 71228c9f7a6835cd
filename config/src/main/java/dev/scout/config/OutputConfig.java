package dev.scout.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where and what a run writes.
 *
 * @param dir     the output directory, absolute (a relative setting resolves against the config file's directory)
 * @param formats the formats to write, without duplicates, never empty
 * @param csvBom  whether CSV files start with a UTF-8 byte-order mark (helps Excel on Windows)
 */
public record OutputConfig(Path dir, List<OutputFormat> formats, boolean csvBom) {
    public OutputConfig {
        Objects.requireNonNull(dir, "dir");
        formats = List.copyOf(formats);
    }

    /** Whether the given format is written. */
    public boolean writes(OutputFormat format) {
        return formats.contains(format);
    }
}

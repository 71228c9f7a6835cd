package dev.scout.app.export;

import java.util.Locale;

/** The file export formats, with their default file names, for the CLI's {@code --format} option. */
public enum ExportFormat {
    CSV("candidates.csv"),
    JSONL("candidates.jsonl");

    private final String defaultFileName;

    ExportFormat(String defaultFileName) {
        this.defaultFileName = defaultFileName;
    }

    /** {@code candidates.csv} or {@code candidates.jsonl}. */
    public String defaultFileName() {
        return defaultFileName;
    }

    /** A new, unopened exporter; {@code byteOrderMark} applies to CSV only. */
    public Exporter newExporter(boolean byteOrderMark) {
        return switch (this) {
            case CSV -> new CsvExporter(byteOrderMark);
            case JSONL -> new JsonlExporter();
        };
    }

    /** Parses {@code csv} or {@code jsonl} (any case); the message lists the valid names. */
    public static ExportFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown export format '" + name + "' (expected csv or jsonl; "
                    + "HubSpot is pushed with HubSpotUploader)", e);
        }
    }
}

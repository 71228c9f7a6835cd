package dev.scout.config;

import java.util.Locale;
import java.util.Optional;

/** What a run writes. */
public enum OutputFormat {
    /** {@code candidates.csv} (RFC 4180, formula-safe). */
    CSV("csv"),
    /** {@code candidates.jsonl} with per-post evidence. */
    JSONL("jsonl"),
    /** A human-readable report. */
    REPORT("report"),
    /** An upsert of flagged candidates into HubSpot contacts. */
    HUBSPOT("hubspot");

    private final String key;

    OutputFormat(String key) {
        this.key = key;
    }

    /** The spelling used in configuration. */
    public String key() {
        return key;
    }

    /** The format spelt {@code key}, ignoring case. */
    public static Optional<OutputFormat> fromKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (OutputFormat f : values()) {
            if (f.key.equals(k)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}

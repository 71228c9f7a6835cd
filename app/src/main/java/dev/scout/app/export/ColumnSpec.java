package dev.scout.app.export;

import dev.scout.scorer.ScoredProfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One export column: its header, type, meaning, CRM targets and how to read it from a verdict. The CSV writer,
 * the JSONL top level, the HubSpot mapping and {@code docs/CRM.md} are all generated from {@link Columns#ALL}, so
 * they cannot drift apart.
 *
 * @param name            CSV header and JSONL field name (snake_case, never renamed)
 * @param kind            type and formatting
 * @param description     what the value means, in words, for the docs
 * @param hubspotProperty HubSpot contact property it is upserted to
 * @param salesforceField Salesforce Contact field it maps to in a Bulk API 2.0 upsert
 * @param extractor       raw value (String, Long, Double, Boolean, Instant or List of String), empty when unknown
 */
public record ColumnSpec(String name, ColumnKind kind, String description, String hubspotProperty,
                         String salesforceField, BiFunction<ScoredProfile, RunInfo, Optional<?>> extractor) {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(hubspotProperty, "hubspotProperty");
        Objects.requireNonNull(salesforceField, "salesforceField");
        Objects.requireNonNull(extractor, "extractor");
    }

    /** The raw value; empty for unknown values, non-finite numbers and (for lists) nothing to list. */
    public Optional<?> value(ScoredProfile profile, RunInfo run) {
        Optional<?> raw = extractor.apply(profile, run);
        return raw.filter(v -> !(v instanceof Double d && !Double.isFinite(d)))
                .filter(v -> !(v instanceof List<?> l && l.isEmpty()));
    }

    /** The formatted value without any spreadsheet guard; empty string when unknown. */
    public String text(ScoredProfile profile, RunInfo run) {
        return value(profile, run).map(kind::format).orElse("");
    }
}

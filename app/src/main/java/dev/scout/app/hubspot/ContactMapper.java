package dev.scout.app.hubspot;

import dev.scout.app.export.ColumnKind;
import dev.scout.app.export.ColumnSpec;
import dev.scout.app.export.Columns;
import dev.scout.app.export.RunInfo;
import dev.scout.scorer.ScoredProfile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a verdict to HubSpot contact properties using {@link ColumnSpec#hubspotProperty()}, so the mapping is the
 * one documented in {@code docs/CRM.md}. Timestamps become epoch milliseconds (HubSpot's datetime format); an email
 * that HubSpot would reject is left out rather than failing the whole record; text is capped at HubSpot's 65,536
 * characters. Stateless.
 */
public final class ContactMapper {

    static final int MAX_TEXT = 65_000;
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

    private ContactMapper() {
    }

    /** Properties for the default target, contacts keyed by {@code scout_id}. */
    public static ContactInput toInput(ScoredProfile profile, RunInfo run) {
        return toInput(profile, run, CrmObject.CONTACTS);
    }

    public static ContactInput toInput(ScoredProfile profile, RunInfo run, CrmObject target) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (ColumnSpec column : Columns.ALL) {
            value(column, profile, run).ifPresent(v -> properties.put(target.property(column), v));
        }
        // A record without any name shows as "Unknown" in HubSpot lists; the handle is the next best label.
        properties.putIfAbsent("firstname", cap(profile.account().handle()));
        return new ContactInput(profile.account().id(), properties);
    }

    private static Optional<String> value(ColumnSpec column, ScoredProfile profile, RunInfo run) {
        Optional<?> raw = column.value(profile, run);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (column.kind() == ColumnKind.TIMESTAMP) {
            return Optional.of(Long.toString(((Instant) raw.get()).toEpochMilli()));
        }
        String text = column.kind().format(raw.get());
        if (column.hubspotProperty().equals("email")) {
            String email = text.strip();
            return email.length() <= 254 && EMAIL.matcher(email).matches() ? Optional.of(email) : Optional.empty();
        }
        return Optional.of(cap(text));
    }

    private static String cap(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}

package dev.scout.app.hubspot;

import java.util.Map;
import java.util.Objects;

/**
 * One contact to upsert: the unique {@code scout_id} value and the HubSpot property values (raw, no spreadsheet
 * guard; unknown values are left out so a CRM user's edits are never cleared).
 */
public record ContactInput(String scoutId, Map<String, String> properties) {

    public ContactInput {
        Objects.requireNonNull(scoutId, "scoutId");
        properties = Map.copyOf(properties);
    }
}

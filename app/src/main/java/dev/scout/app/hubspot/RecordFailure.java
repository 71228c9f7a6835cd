package dev.scout.app.hubspot;

/**
 * A profile HubSpot did not accept, after its one retry.
 *
 * @param scoutId  the profile id
 * @param category HubSpot's error category (e.g. {@code VALIDATION_ERROR}), or {@code UNKNOWN}
 * @param message  HubSpot's message for it
 */
public record RecordFailure(String scoutId, String category, String message) {
}

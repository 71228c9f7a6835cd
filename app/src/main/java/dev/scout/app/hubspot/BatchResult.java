package dev.scout.app.hubspot;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one batch upsert.
 *
 * @param succeeded  scout ids HubSpot accepted
 * @param created    how many of them were new contacts
 * @param failed     scout id → HubSpot's reason, for records it rejected
 * @param wholeBatch true when HubSpot rejected the request as a whole (400), so the failures may be caused by
 *                   a single bad record and are worth retrying one by one
 */
record BatchResult(List<String> succeeded, long created, Map<String, RecordFailure> failed, boolean wholeBatch) {

    BatchResult {
        succeeded = List.copyOf(succeeded);
        failed = Map.copyOf(failed);
    }
}

package dev.scout.app.hubspot;

import java.util.List;

/**
 * What one HubSpot push did.
 *
 * @param runId          the run whose profiles were pushed (key in the progress file)
 * @param upserted       records HubSpot accepted in this call (created + updated)
 * @param created        of those, new records (as HubSpot reported with {@code new: true})
 * @param alreadyPushed  profiles skipped because an earlier call of the same run had pushed them
 * @param failures       profiles still rejected after their retry, with HubSpot's reason
 * @param requests       HTTP requests sent, retries included
 * @param rateLimited    429 responses received
 * @param noun           what was pushed, for messages ({@code contacts} or {@code <objectType> records})
 */
public record UploadReport(String runId, long upserted, long created, long alreadyPushed, List<RecordFailure> failures,
                           long requests, long rateLimited, String noun) {

    public UploadReport {
        failures = List.copyOf(failures);
    }
}

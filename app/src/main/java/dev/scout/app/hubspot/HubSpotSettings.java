package dev.scout.app.hubspot;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to talk to HubSpot. Validated on construction; every problem is reported at once.
 *
 * @param baseUrl              API root, {@code https://api.hubapi.com} (tests point it at WireMock on 127.0.0.1)
 * @param token                private-app access token (redacted in {@link #toString()})
 * @param requestsPerTenSeconds pacing: most requests sent in any rolling 10 s (HubSpot allows 100 for public apps,
 *                             190 for private Professional/Enterprise apps); default 90 leaves headroom
 * @param batchSize            inputs per batch upsert, 1–100 (HubSpot's batch limit is 100)
 * @param maxRateLimitRetries  429 responses tolerated per request before giving up
 * @param maxOutageRetries     5xx responses or network failures tolerated per request before giving up
 * @param outageBackoff        first wait after a 5xx or network failure; doubles on each retry
 * @param propertyGroup        contact property group that holds Scout's custom properties
 * @param progressFile         JSON file that records which profiles each run has already pushed
 * @param target               the CRM object upserted into and its unique id property ({@link CrmObject#CONTACTS})
 */
public record HubSpotSettings(URI baseUrl, HubSpotToken token, int requestsPerTenSeconds, int batchSize,
                              int maxRateLimitRetries, int maxOutageRetries, Duration outageBackoff,
                              String propertyGroup, Path progressFile, CrmObject target) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.hubapi.com");
    public static final int DEFAULT_REQUESTS_PER_TEN_SECONDS = 90;
    public static final int MAX_BATCH_SIZE = 100;
    /** File name of the progress file inside the output folder. */
    public static final String PROGRESS_FILE_NAME = "hubspot-progress.json";

    public HubSpotSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(outageBackoff, "outageBackoff");
        Objects.requireNonNull(propertyGroup, "propertyGroup");
        Objects.requireNonNull(progressFile, "progressFile");
        Objects.requireNonNull(target, "target");
        List<String> problems = new ArrayList<>();
        String scheme = String.valueOf(baseUrl.getScheme());
        if (!(scheme.equals("https") || scheme.equals("http")) || baseUrl.getHost() == null) {
            problems.add("hubspot.baseUrl: '" + baseUrl + "' is not an absolute http(s) URL");
        }
        if (requestsPerTenSeconds < 1 || requestsPerTenSeconds > 250) {
            problems.add("hubspot.requestsPer10s: " + requestsPerTenSeconds + " must be 1–250 (HubSpot's highest burst limit)");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            problems.add("HubSpot batch size: " + batchSize + " must be 1–" + MAX_BATCH_SIZE);
        }
        if (maxRateLimitRetries < 0 || maxOutageRetries < 0) {
            problems.add("hubspot retries must be ≥ 0 (rate limit " + maxRateLimitRetries + ", outage " + maxOutageRetries + ")");
        }
        if (outageBackoff.isNegative()) {
            problems.add("HubSpot outage backoff: " + outageBackoff + " must not be negative");
        }
        if (!propertyGroup.matches("[a-z][a-z0-9_]{0,99}")) {
            problems.add("HubSpot property group: '" + propertyGroup + "' must be lower-case letters, digits and _");
        }
        if (!problems.isEmpty()) {
            throw new HubSpotException(HubSpotException.Kind.CONFIGURATION, -1, null,
                    "invalid HubSpot settings: " + String.join("; ", problems));
        }
    }

    /**
     * Defaults: api.hubapi.com, 90 requests / 10 s, batches of 100, group {@code scout}, progress file in
     * {@code outDir}, contacts keyed by {@code scout_id}.
     */
    public static HubSpotSettings defaults(HubSpotToken token, Path outDir) {
        return new HubSpotSettings(DEFAULT_BASE_URL, token, DEFAULT_REQUESTS_PER_TEN_SECONDS, MAX_BATCH_SIZE, 5, 3,
                Duration.ofSeconds(2), "scout", outDir.resolve(PROGRESS_FILE_NAME), CrmObject.CONTACTS);
    }

    public HubSpotSettings withBaseUrl(URI url) {
        return new HubSpotSettings(url, token, requestsPerTenSeconds, batchSize, maxRateLimitRetries, maxOutageRetries,
                outageBackoff, propertyGroup, progressFile, target);
    }

    public HubSpotSettings withRequestsPerTenSeconds(int n) {
        return new HubSpotSettings(baseUrl, token, n, batchSize, maxRateLimitRetries, maxOutageRetries,
                outageBackoff, propertyGroup, progressFile, target);
    }

    public HubSpotSettings withBatchSize(int n) {
        return new HubSpotSettings(baseUrl, token, requestsPerTenSeconds, n, maxRateLimitRetries, maxOutageRetries,
                outageBackoff, propertyGroup, progressFile, target);
    }

    public HubSpotSettings withTarget(CrmObject object) {
        return new HubSpotSettings(baseUrl, token, requestsPerTenSeconds, batchSize, maxRateLimitRetries, maxOutageRetries,
                outageBackoff, propertyGroup, progressFile, object);
    }
}

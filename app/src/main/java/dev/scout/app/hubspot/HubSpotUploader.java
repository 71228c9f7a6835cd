package dev.scout.app.hubspot;

import dev.scout.app.export.RunInfo;
import dev.scout.scorer.ScoredProfile;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Pushes a run's profiles to HubSpot as contacts: ensures Scout's properties exist, upserts in batches keyed by
 * {@code scout_id} (so pushing twice creates no duplicates), retries each rejected record once, and records progress
 * after every batch so that after an outage the same command resumes where it stopped. Memory grows only with the
 * number of ids already pushed. Not thread-safe.
 */
public final class HubSpotUploader {

    private final HubSpotClient client;
    private final HubSpotSettings settings;
    private final Clock clock;

    /**
     * The production wiring: system clock and waits scheduled on {@code scheduler}. The caller owns (and closes)
     * {@code http} and {@code scheduler}.
     */
    public static HubSpotUploader create(HubSpotSettings settings, OkHttpClient http, ScheduledExecutorService scheduler) {
        Clock clock = Clock.systemUTC();
        return new HubSpotUploader(new HubSpotClient(http, settings, clock, new ScheduledPause(scheduler)), settings, clock);
    }

    public HubSpotUploader(HubSpotClient client, HubSpotSettings settings, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Upserts every profile not yet pushed in {@code run}.
     *
     * @throws HubSpotException on an outage, exhausted rate limit or refused token; progress up to the last
     *                          complete batch is saved and the message says how to resume
     */
    public UploadReport upload(RunInfo run, Iterator<ScoredProfile> profiles) {
        ProgressStore progress = ProgressStore.load(settings.progressFile(), run.runId(), clock);
        Tally tally = new Tally();
        // Write the file before the first request, so an unwritable output folder fails before anything is sent.
        progress.save();
        try {
            client.ensureProperties();
            Set<String> seen = new HashSet<>();
            List<ContactInput> batch = new ArrayList<>(settings.batchSize());
            while (profiles.hasNext()) {
                ScoredProfile profile = profiles.next();
                String id = profile.account().id();
                if (progress.isDone(id)) {
                    tally.alreadyPushed++;
                } else if (seen.add(id)) {
                    batch.add(ContactMapper.toInput(profile, run, settings.target()));
                    if (batch.size() == settings.batchSize()) {
                        send(batch, progress, tally, true);
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                send(batch, progress, tally, true);
            }
            retryOnce(progress, tally);
        } catch (HubSpotException e) {
            throw new HubSpotException(e.kind(), e.status(), e.correlationId().orElse(null), e.getMessage() + " — "
                    + progress.doneCount() + " " + settings.target().noun() + " of run " + run.runId() + " are recorded as pushed in "
                    + settings.progressFile() + "; the same command resumes from there", e);
        }
        return new UploadReport(run.runId(), tally.upserted, tally.created, tally.alreadyPushed,
                new ArrayList<>(tally.finalFailures.values()), client.requests(), client.rateLimited(),
                settings.target().noun());
    }

    private void send(List<ContactInput> batch, ProgressStore progress, Tally tally, boolean firstAttempt) {
        BatchResult result = client.upsert(List.copyOf(batch));
        tally.upserted += result.succeeded().size();
        tally.created += result.created();
        progress.markDone(result.succeeded());
        if (firstAttempt) {
            for (ContactInput input : batch) {
                if (result.failed().containsKey(input.scoutId())) {
                    (result.wholeBatch() ? tally.retryAlone : tally.retryTogether).add(input);
                }
            }
        } else {
            tally.finalFailures.putAll(result.failed());
            progress.markFailed(result.failed().values());
        }
        progress.save();
    }

    /** Each rejected record gets one more try: per-record rejections together, whole-batch rejections one by one. */
    private void retryOnce(ProgressStore progress, Tally tally) {
        List<ContactInput> together = tally.retryTogether;
        for (int from = 0; from < together.size(); from += settings.batchSize()) {
            send(together.subList(from, Math.min(together.size(), from + settings.batchSize())), progress, tally, false);
        }
        for (ContactInput alone : tally.retryAlone) {
            send(List.of(alone), progress, tally, false);
        }
    }

    /** Counts for one upload call. */
    private static final class Tally {
        long upserted;
        long created;
        long alreadyPushed;
        final List<ContactInput> retryTogether = new ArrayList<>();
        final List<ContactInput> retryAlone = new ArrayList<>();
        final Map<String, RecordFailure> finalFailures = new LinkedHashMap<>();
    }
}

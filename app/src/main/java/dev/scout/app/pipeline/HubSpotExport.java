package dev.scout.app.pipeline;

import dev.scout.app.UsageException;
import dev.scout.app.export.RunInfo;
import dev.scout.app.hubspot.CrmObject;
import dev.scout.app.hubspot.HubSpotSettings;
import dev.scout.app.hubspot.HubSpotToken;
import dev.scout.app.hubspot.HubSpotUploader;
import dev.scout.app.hubspot.UploadReport;
import dev.scout.config.HubSpotConfig;
import dev.scout.scorer.ScoredProfile;
import okhttp3.OkHttpClient;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Pushes a run's verdicts into HubSpot with the settings from {@code hubspot.*} (token from the config or {@code HUBSPOT_TOKEN}). */
public final class HubSpotExport {
    private HubSpotExport() {
    }

    public static UploadReport upload(Optional<HubSpotConfig> config, Path progressDir, RunInfo run,
                                      Iterator<ScoredProfile> profiles) {
        HubSpotToken token = config.flatMap(HubSpotConfig::token).map(s -> HubSpotToken.of(s.reveal()))
                .orElseGet(() -> {
                    try {
                        return HubSpotToken.fromEnvironment(System.getenv());
                    } catch (RuntimeException e) {
                        throw new UsageException("no HubSpot token: set hubspot.token in the config (e.g. ${HUBSPOT_TOKEN})"
                                + " or the HUBSPOT_TOKEN environment variable to a private-app token", e);
                    }
                });
        HubSpotSettings settings = HubSpotSettings.defaults(token, progressDir);
        if (config.isPresent()) {
            settings = settings.withBaseUrl(config.get().baseUrl()).withRequestsPerTenSeconds(config.get().requestsPer10s())
                    .withTarget(new CrmObject(config.get().objectType(), config.get().idProperty()));
        }
        OkHttpClient http = new OkHttpClient.Builder().build();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scout-hubspot-pacer");
            t.setDaemon(true);
            return t;
        });
        try {
            return HubSpotUploader.create(settings, http, scheduler).upload(run, profiles);
        } finally {
            scheduler.shutdownNow();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static String describe(UploadReport r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "HubSpot: %d %s upserted (%d new), %d already pushed earlier, %d failed; %d requests, %d rate-limited",
                r.upserted(), r.noun(), r.created(), r.alreadyPushed(), r.failures().size(), r.requests(), r.rateLimited()));
        r.failures().stream().limit(20).forEach(f -> b.append("\n  ").append(f.scoutId()).append(": ")
                .append(f.category()).append(" — ").append(f.message()));
        return b.toString();
    }
}

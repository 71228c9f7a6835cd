package dev.scout.app.pipeline;

import dev.scout.app.UsageException;
import dev.scout.app.console.Progress;
import dev.scout.config.ScoutConfig;
import dev.scout.crawler.engine.CrawlEngine;
import dev.scout.crawler.engine.CrawlListener;
import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.http.OkHttpFetcher;
import dev.scout.crawler.platform.PlatformClient;
import dev.scout.crawler.platform.bluesky.BlueskyClient;
import dev.scout.crawler.platform.instagram.InstagramClient;
import dev.scout.crawler.platform.instagram.InstagramSettings;
import dev.scout.crawler.platform.meta.UsageGate;
import dev.scout.crawler.platform.threads.ThreadsClient;
import dev.scout.crawler.platform.threads.ThreadsSettings;
import dev.scout.crawler.platform.mastodon.MastodonClient;
import dev.scout.crawler.platform.web.WebPageClient;
import dev.scout.crawler.platform.youtube.QuotaBudget;
import dev.scout.crawler.platform.youtube.YouTubeClient;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoringSettings;
import dev.scout.scorer.StandardScorer;
import dev.scout.store.Stores;
import dev.scout.store.Store;
import dev.scout.store.StoreException;
import dev.scout.store.StoreOptions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The composition root of a run: builds every long-lived object once from the config, hands them out, and closes
 * them in reverse order. Nothing else constructs a fetcher, store or engine.
 */
final class Components implements AutoCloseable {

    private final Store store;
    private final OkHttpFetcher fetcher;
    private final StandardScorer scorer;
    private final CrawlEngine engine;
    private final Progress progress;
    private final SkippedDiscovered skipped;

    private Components(Store store, OkHttpFetcher fetcher, StandardScorer scorer, CrawlEngine engine, Progress progress,
                       SkippedDiscovered skipped) {
        this.skipped = skipped;
        this.store = store;
        this.fetcher = fetcher;
        this.scorer = scorer;
        this.engine = engine;
        this.progress = progress;
    }

    static Components open(ScoutConfig config, Console console, Clock clock, boolean funnel) {
        return open(config, console, clock, funnel, openStore(config, clock), Optional.empty());
    }

    /**
     * Builds a run's objects around an opened {@code store} (closed with them). A fleet worker passes its wiring: the
     * fetcher asks its {@link FleetWiring#permit() permit} before every request and starts hosts from the rates their
     * earlier owners learned ({@link FleetWiring#rateMemory()}), and the engine claims through the
     * fleet's view of the frontier, which learns each profile's host from the platform adapters.
     */
    static Components open(ScoutConfig config, Console console, Clock clock, boolean funnel, Store store,
                           Optional<FleetWiring> fleet) {
        OkHttpFetcher fetcher = null;
        try {
            // Text older than store.postText allows goes before anything is crawled (a no-op when text is kept).
            store.applyRetention(clock.instant());
            var builder = OkHttpFetcher.builder(Settings.fetcher(config));
            fleet.ifPresent(f -> builder.hostPermit(f.permit()).rateMemory(f.rateMemory()));
            if (!config.store().inMemory()) {
                // Responses with a validator outlive the run, so the next run revalidates them (304) instead of
                // downloading them again; an in-memory store would forget them with the process anyway.
                builder.responseStore(store.responses());
            }
            fetcher = builder.build();
            ScoringSettings scoring = Settings.scoring(config);
            StandardScorer scorer = new StandardScorer(scoring);
            List<PlatformClient> clients = new ArrayList<>();
            if (config.platforms().mastodon().enabled()) {
                // discovery.useDirectory browses each instance's opt-in profile directory as far as hashtags are read.
                int directoryPages = config.discovery().useDirectory() ? Math.max(1, config.discovery().hashtagPages()) : 0;
                clients.add(new MastodonClient(fetcher, Settings.mastodonInstances(config),
                        domain -> java.net.URI.create("https://" + domain), directoryPages));
            }
            if (config.platforms().bluesky().enabled()) {
                clients.add(new BlueskyClient(fetcher, config.platforms().bluesky().baseUrl()));
            }
            if (config.platforms().youtube().enabled()) {
                var yt = config.platforms().youtube();
                // Keep 1% of the daily quota in reserve so a run stops cleanly before the key is exhausted.
                var budget = new QuotaBudget(yt.dailyQuotaUnits(), Math.max(1, yt.dailyQuotaUnits() / 100), clock);
                clients.add(new YouTubeClient(fetcher, yt.baseUrl(), yt.apiKey().orElseThrow().reveal(), budget));
            }
            if (config.platforms().instagram().enabled()) {
                var ig = config.platforms().instagram();
                // One Business Discovery call brings the profile and as many posts as the scorer reads.
                clients.add(new InstagramClient(fetcher, new InstagramSettings(ig.baseUrl(), ig.graphVersion(),
                        ig.igUserId().orElseThrow(), config.crawl().postsPerProfile(), ig.hashtagSearch()),
                        ig.accessToken().orElseThrow().reveal(),
                        new UsageGate(dev.scout.model.Platform.INSTAGRAM, clock)));
            }
            if (config.platforms().threads().enabled()) {
                var th = config.platforms().threads();
                clients.add(new ThreadsClient(fetcher, new ThreadsSettings(th.baseUrl(), th.apiVersion()),
                        th.accessToken().orElseThrow().reveal(),
                        new UsageGate(dev.scout.model.Platform.THREADS, clock)));
            }
            if (config.platforms().web().enabled()) {
                clients.add(new WebPageClient(fetcher, config.platforms().web().allowRestrictedSites()));
            }
            Progress progress = console.progress("crawl");
            SkippedDiscovered skipped = new SkippedDiscovered(config.seeds());
            Map<Platform, PlatformClient> byPlatform = new EnumMap<>(Platform.class);
            clients.forEach(client -> byPlatform.put(client.platform(), client));
            // A profile of a platform not configured here gets the platform as its host: no request goes out for it.
            Frontier frontier = fleet.map(f -> f.frontier(store.frontier(), ref -> Optional.ofNullable(
                    byPlatform.get(ref.platform())).map(client -> client.hostKey(ref)).orElse(ref.platform().key())))
                    .orElse(store.frontier());
            CrawlEngine engine = new CrawlEngine(clients, frontier, store.snapshots(),
                    funnel ? new ScorerFunnel(scorer, scoring) : ScorerFunnel.everything(), Settings.crawl(config),
                    new ProgressListener(progress, skipped), clock, fetcher.seats());
            return new Components(store, fetcher, scorer, engine, progress, skipped);
        } catch (RuntimeException e) {
            if (fetcher != null) {
                fetcher.close();
            }
            store.close();
            throw e;
        }
    }

    /** Opens the store named by the config; a store problem is the user's to fix (exit 2). */
    static Store openStore(ScoutConfig config, Clock clock) {
        StoreOptions options = Settings.store(config, clock);
        try {
            return Stores.open(config.store().location(), options);
        } catch (StoreException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    Store store() {
        return store;
    }

    OkHttpFetcher fetcher() {
        return fetcher;
    }

    StandardScorer scorer() {
        return scorer;
    }

    CrawlEngine engine() {
        return engine;
    }

    Progress progress() {
        return progress;
    }

    /** Discovered profiles the crawl skipped in this run, by reason. */
    SkippedDiscovered skipped() {
        return skipped;
    }

    @Override
    public void close() {
        try {
            fetcher.close();
        } finally {
            store.close();
        }
    }

    /** Feeds crawl events into the progress display. */
    private static final class ProgressListener implements CrawlListener {
        private final Progress progress;
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
        private final SkippedDiscovered discovered;

        ProgressListener(Progress progress, SkippedDiscovered discovered) {
            this.progress = progress;
            this.discovered = discovered;
        }

        @Override
        public void discovered(int added, long known) {
            progress.total(known);
        }

        @Override
        public void completed(ProfileSnapshot snapshot) {
            progress.advance(1, status());
        }

        @Override
        public void failed(ProfileRef ref, String reason, boolean willRetry) {
            if (!willRetry) {
                failed.incrementAndGet();
                progress.advance(1, status());
            }
        }

        @Override
        public void skipped(ProfileRef ref, String reason) {
            discovered.skipped(ref, reason);
            skipped.incrementAndGet();
            progress.advance(1, status());
        }

        private String status() {
            return "(" + skipped.get() + " skipped, " + failed.get() + " failed)";
        }
    }
}

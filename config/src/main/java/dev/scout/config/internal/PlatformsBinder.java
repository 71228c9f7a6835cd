package dev.scout.config.internal;

import dev.scout.config.BlueskyConfig;
import dev.scout.config.Defaults;
import dev.scout.config.InstagramConfig;
import dev.scout.config.ThreadsConfig;
import dev.scout.config.MastodonConfig;
import dev.scout.config.MastodonInstance;
import dev.scout.config.PlatformsConfig;
import dev.scout.config.Secret;
import dev.scout.config.WebConfig;
import dev.scout.config.YoutubeConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code platforms}: Mastodon instances, Bluesky, YouTube, web pages, Instagram and Threads. */
final class PlatformsBinder {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\\d{1,5})?");

    private PlatformsBinder() {
    }

    static PlatformsConfig bind(Section root) {
        Section s = root.section("platforms");
        PlatformsConfig p = new PlatformsConfig(mastodon(s.section("mastodon")), bluesky(s.section("bluesky")),
                youtube(s.section("youtube")), web(s.section("web")), instagram(s.section("instagram")),
                threads(s.section("threads")));
        s.finish();
        return p;
    }

    private static MastodonConfig mastodon(Section s) {
        boolean enabled = s.bool("enabled", true);
        double rps = s.positive("requestsPerSecond", Defaults.MASTODON_REQUESTS_PER_SECOND);
        List<MastodonInstance> instances = new ArrayList<>();
        Map<String, String> seenDomains = new HashMap<>();
        for (Section.Element e : s.list("instances")) {
            instance(e, rps, s.scalars()).ifPresent(i -> {
                String earlier = seenDomains.putIfAbsent(i.domain(), e.path());
                if (earlier != null) {
                    s.problems().add(e.path(), Render.text(i.domain()),
                            "serves the same handle domain as " + earlier + "; list each domain once");
                } else {
                    instances.add(i);
                }
            });
        }
        s.finish();
        return new MastodonConfig(enabled, rps, instances);
    }

    /** An instance: a mapping {url, domain, requestsPerSecond}, or just its URL. */
    private static Optional<MastodonInstance> instance(Section.Element e, double platformRps, Scalars scalars) {
        if (e.node().isTextual()) {
            return scalars.url(e.path() + ".url", e.node()).map(url -> new MastodonInstance(url, defaultDomain(url), platformRps));
        }
        Section s = Section.of(e.path(), e.node(), scalars);
        int before = s.problems().count();
        Optional<URI> url = s.optionalUrl("url");
        if (s.raw("url").isEmpty()) {
            s.problems().at(s.path("url"), "is required: the instance's base URL, e.g. https://mastodon.social");
        }
        Optional<String> domain = s.optionalText("domain").map(d -> d.strip().toLowerCase(Locale.ROOT));
        if (domain.isPresent() && !DOMAIN.matcher(domain.get()).matches()) {
            s.problems().add(s.path("domain"), Render.text(domain.get()),
                    "must be a host name such as mastodon.social (the part after @ in handles)");
        }
        double rps = s.positive("requestsPerSecond", platformRps);
        s.finish();
        if (url.isEmpty() || s.problems().count() > before) {
            return Optional.empty();
        }
        return Optional.of(new MastodonInstance(url.get(), domain.orElse(defaultDomain(url.get())), rps));
    }

    /** The handle domain a server answers for when not configured: its host, with the port when one is given. */
    private static String defaultDomain(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return url.getPort() > 0 ? host + ":" + url.getPort() : host;
    }

    private static BlueskyConfig bluesky(Section s) {
        BlueskyConfig c = new BlueskyConfig(s.bool("enabled", false), s.url("baseUrl", Defaults.BLUESKY_BASE_URL),
                s.positive("requestsPerSecond", Defaults.BLUESKY_REQUESTS_PER_SECOND));
        s.finish();
        return c;
    }

    private static YoutubeConfig youtube(Section s) {
        boolean enabled = s.bool("enabled", false);
        int before = s.problems().count();
        Optional<Secret> apiKey = s.secret("apiKey", Optional.empty());
        if (enabled && apiKey.isEmpty() && s.problems().count() == before) {
            s.problems().at(s.path("apiKey"),
                    "is required when platforms.youtube.enabled is true (write apiKey: ${YOUTUBE_API_KEY})");
        }
        YoutubeConfig c = new YoutubeConfig(enabled, apiKey, s.url("baseUrl", Defaults.YOUTUBE_BASE_URL),
                s.integer("dailyQuotaUnits", Defaults.YOUTUBE_DAILY_QUOTA_UNITS, 1, Integer.MAX_VALUE),
                s.positive("requestsPerSecond", Defaults.YOUTUBE_REQUESTS_PER_SECOND));
        s.finish();
        return c;
    }

    private static InstagramConfig instagram(Section s) {
        boolean enabled = s.bool("enabled", false);
        int before = s.problems().count();
        Optional<Secret> token = s.secret("accessToken", Optional.empty());
        if (enabled && token.isEmpty() && s.problems().count() == before) {
            s.problems().at(s.path("accessToken"), "is required when platforms.instagram.enabled is true"
                    + " (write accessToken: ${IG_ACCESS_TOKEN}; docs/CONFIG.md says how to get one)");
        }
        Optional<String> igUserId = s.optionalText("igUserId").map(String::strip);
        if (igUserId.isPresent() && !igUserId.get().matches("\\d{1,30}")) {
            s.problems().add(s.path("igUserId"), Render.text(igUserId.get()), "must be the numeric id of your own"
                    + " professional Instagram account (GET /me/accounts?fields=instagram_business_account)");
            igUserId = Optional.empty();
        } else if (enabled && igUserId.isEmpty()) {
            s.problems().at(s.path("igUserId"), "is required when platforms.instagram.enabled is true: the numeric id"
                    + " of your own professional Instagram account, on whose behalf Business Discovery is called");
        }
        String version = graphVersion(s, "graphVersion", Defaults.INSTAGRAM_GRAPH_VERSION);
        InstagramConfig c = new InstagramConfig(enabled, token, igUserId, version,
                s.url("baseUrl", Defaults.INSTAGRAM_BASE_URL),
                s.positive("requestsPerSecond", Defaults.INSTAGRAM_REQUESTS_PER_SECOND),
                s.integer("usageCeilingPct", Defaults.INSTAGRAM_USAGE_CEILING_PCT, 1, 100),
                s.bool("hashtagSearch", false));
        s.finish();
        return c;
    }

    private static ThreadsConfig threads(Section s) {
        boolean enabled = s.bool("enabled", false);
        int before = s.problems().count();
        Optional<Secret> token = s.secret("accessToken", Optional.empty());
        if (enabled && token.isEmpty() && s.problems().count() == before) {
            s.problems().at(s.path("accessToken"), "is required when platforms.threads.enabled is true"
                    + " (write accessToken: ${THREADS_ACCESS_TOKEN}; docs/CONFIG.md says how to get one)");
        }
        ThreadsConfig c = new ThreadsConfig(enabled, token, graphVersion(s, "apiVersion", Defaults.THREADS_API_VERSION),
                s.url("baseUrl", Defaults.THREADS_BASE_URL),
                s.positive("requestsPerSecond", Defaults.THREADS_REQUESTS_PER_SECOND),
                s.integer("usageCeilingPct", Defaults.THREADS_USAGE_CEILING_PCT, 1, 100));
        s.finish();
        return c;
    }

    /** A pinned API version such as {@code v25.0}. */
    private static String graphVersion(Section s, String key, String dflt) {
        String v = s.text(key, dflt).strip();
        if (!v.matches("v\\d{1,3}\\.\\d{1,3}")) {
            s.problems().add(s.path(key), Render.text(v), "must be a version such as " + dflt);
            return dflt;
        }
        return v;
    }

    private static WebConfig web(Section s) {
        boolean enabled = s.bool("enabled", true);
        double rps = s.positive("requestsPerSecond", Defaults.WEB_REQUESTS_PER_SECOND);
        boolean allowRestricted = s.bool("allowRestrictedSites", false);
        String acceptedBy = s.text("restrictedSitesAcceptedBy", "").strip();
        if (allowRestricted && acceptedBy.isEmpty()) {
            s.problems().at(s.path("restrictedSitesAcceptedBy"), "is required when allowRestrictedSites is true:"
                    + " name the person who accepted responsibility for reading sites whose terms forbid it");
        }
        s.finish();
        return new WebConfig(enabled, rps, allowRestricted, acceptedBy);
    }
}

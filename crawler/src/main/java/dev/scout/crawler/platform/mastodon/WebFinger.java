package dev.scout.crawler.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.platform.Json;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.PlatformHttp;
import dev.scout.crawler.platform.RequestCounter;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the API host of a handle domain nobody configured, with WebFinger (reference §1.1): the host of the
 * {@code rel="self"} ActivityPub link is where the account's REST API lives. Answers are remembered per domain for
 * the life of this object (a domain's web host does not change during a crawl). Thread-safe.
 */
final class WebFinger {
    private static final String SELF_TYPE = "application/activity+json";

    private final PlatformHttp http;
    private final Function<String, URI> originOfDomain;
    private final Map<String, MastodonInstance> resolved = new ConcurrentHashMap<>();

    /** @param originOfDomain where a handle domain serves {@code /.well-known/webfinger} (normally {@code https://domain}) */
    WebFinger(PlatformHttp http, Function<String, URI> originOfDomain) {
        this.http = Objects.requireNonNull(http, "http");
        this.originOfDomain = Objects.requireNonNull(originOfDomain, "originOfDomain");
    }

    /** True when {@code domain} was already resolved (no request needed). */
    boolean knows(String domain) {
        return resolved.containsKey(domain);
    }

    /** The instance serving {@code ref}'s handle domain; one request the first time a domain is seen. */
    MastodonInstance resolve(ProfileRef ref, RequestCounter requests) throws PlatformException, InterruptedException {
        String domain = ref.mastodonHost();
        MastodonInstance known = resolved.get(domain);
        if (known != null) {
            return known;
        }
        URI origin = originOfDomain.apply(domain);
        String resource = URLEncoder.encode("acct:" + ref.value(), StandardCharsets.UTF_8);
        URI url = URI.create(stripSlash(origin.toString()) + "/.well-known/webfinger?resource=" + resource);
        requests.add();
        JsonNode jrd = http.getJson(url, ref.id()).body();
        for (JsonNode link : Json.array(jrd, "links")) {
            boolean self = "self".equals(Json.textOr(link, "rel", ""));
            boolean activityJson = Json.textOr(link, "type", "").startsWith(SELF_TYPE)
                    || Json.textOr(link, "type", "").contains("activitystreams");
            if (self && activityJson) {
                MastodonInstance instance = instanceOf(Json.textOr(link, "href", ""), domain, url, ref);
                resolved.put(domain, instance);
                return instance;
            }
        }
        throw http.malformed(url, ref.id(), "WebFinger answer has no rel=\"self\" ActivityPub link, so the API host"
                + " of " + domain + " is unknown; add the instance to platforms.mastodon.instances", null);
    }

    private MastodonInstance instanceOf(String href, String domain, URI url, ProfileRef ref) throws PlatformException {
        try {
            URI actor = URI.create(href);
            if (actor.getHost() == null || actor.getScheme() == null) {
                throw http.malformed(url, ref.id(), "WebFinger self link '" + href + "' is not an absolute URL", null);
            }
            String port = actor.getPort() > 0 ? ":" + actor.getPort() : "";
            return new MastodonInstance(domain, URI.create(actor.getScheme() + "://" + actor.getHost() + port));
        } catch (IllegalArgumentException e) {
            throw new PlatformException(Platform.MASTODON, ref.id(), url, PlatformException.Kind.MALFORMED,
                    "WebFinger self link '" + href + "' is not a URL");
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

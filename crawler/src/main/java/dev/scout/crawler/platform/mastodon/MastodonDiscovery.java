package dev.scout.crawler.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.platform.FollowerSample;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.PlatformHttp;
import dev.scout.crawler.platform.Sighting;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.model.Account;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Discovery sources of the configured Mastodon instances: hashtag timelines (boosts credited to the original author)
 * and the opt-in profile directory. Thread-safe.
 */
final class MastodonDiscovery {
    private static final int TAG_PAGE = 40;
    private static final int DIRECTORY_PAGE = 80;

    private final PlatformHttp http;
    private final List<MastodonInstance> tagSources;

    MastodonDiscovery(PlatformHttp http, List<MastodonInstance> tagSources) {
        this.http = http;
        this.tagSources = List.copyOf(tagSources);
    }

    /** Local accounts of each configured instance's directory, most recently active first, offset-paged. */
    FollowerSample directory(int directoryPages) throws PlatformException, InterruptedException {
        List<Account> accounts = new ArrayList<>();
        int requests = 0;
        for (MastodonInstance instance : directoryPages == 0 ? List.<MastodonInstance>of() : tagSources) {
            for (int page = 0; page < directoryPages; page++) {
                URI url = instance.api("/api/v1/directory?local=true&order=active&limit=" + DIRECTORY_PAGE
                        + "&offset=" + page * DIRECTORY_PAGE);
                requests++;
                List<JsonNode> listed = arrayBody(http.getJson(url, "directory of " + instance.domain()),
                        "directory of " + instance.domain(), "directory");
                for (JsonNode a : listed) {
                    if (MastodonAccounts.optOutReason(a).isEmpty()) {
                        MastodonAccounts.ref(a, instance.domain())
                                .ifPresent(r -> accounts.add(MastodonAccounts.toAccount(a, r)));
                    }
                }
                if (listed.size() < DIRECTORY_PAGE) {
                    break;
                }
            }
        }
        return new FollowerSample(accounts, requests);
    }

    TagDiscovery tagAuthors(String hashtag, int pages) throws PlatformException, InterruptedException {
        String tag = hashtag.startsWith("#") ? hashtag.substring(1) : hashtag;
        List<Sighting> authors = new ArrayList<>();
        int requests = 0;
        PlatformException firstError = null;
        int answered = 0;
        for (MastodonInstance instance : tagSources) {
            String subject = "#" + tag + " on " + instance.domain();
            Optional<URI> next = Optional.of(instance.api("/api/v1/timelines/tag/" + enc(tag) + "?limit=" + TAG_PAGE));
            try {
                for (int page = 0; page < pages && next.isPresent(); page++) {
                    requests++;
                    PlatformHttp.JsonResponse r = http.getJson(next.get(), subject);
                    List<JsonNode> statuses = arrayBody(r, subject, "tag timeline");
                    for (JsonNode status : statuses) {
                        tagAuthor(status, instance.domain(), tag).ifPresent(authors::add);
                    }
                    next = statuses.isEmpty() ? Optional.empty() : LinkHeader.next(r.header("Link"));
                }
                answered++;
            } catch (PlatformException e) {
                if (e.kind() == PlatformException.Kind.NOT_FOUND) {
                    answered++; // an unknown tag on this server: nothing to find there
                } else if (firstError == null) {
                    firstError = e;
                }
            }
        }
        if (answered == 0 && firstError != null) {
            throw firstError;
        }
        return new TagDiscovery(authors, requests);
    }

    private Optional<Sighting> tagAuthor(JsonNode status, String domain, String tag) {
        Optional<JsonNode> reblog = MastodonStatuses.reblogOf(status);
        if (reblog.isPresent()) {
            return originalAuthor(reblog.get(), domain);
        }
        JsonNode account = status.get("account");
        return MastodonAccounts.ref(account, domain)
                .flatMap(r -> MastodonStatuses.toPost(status, domain).map(p -> new Sighting(r, "tag #" + tag, p)));
    }

    static Optional<Sighting> originalAuthor(JsonNode original, String domain) {
        return MastodonAccounts.ref(original.get("account"), domain)
                .flatMap(r -> MastodonStatuses.toPost(original, domain).map(p -> new Sighting(r, "boost", p)));
    }

    private List<JsonNode> arrayBody(PlatformHttp.JsonResponse r, String subject, String what) throws PlatformException {
        if (!r.body().isArray()) {
            throw http.malformed(r.url(), subject, what + " answer is not a JSON array", null);
        }
        List<JsonNode> out = new ArrayList<>();
        r.body().forEach(out::add);
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

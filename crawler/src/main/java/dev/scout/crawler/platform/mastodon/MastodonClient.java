package dev.scout.crawler.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.http.Fetcher;
import dev.scout.crawler.http.HostKey;
import dev.scout.crawler.platform.FollowerSample;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformClient;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.PlatformHttp;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.RequestCounter;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.platform.Sighting;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Mastodon adapter for any instance, without authentication (reference §1). A profile costs one
 * {@code accounts/lookup} on its home instance plus one {@code statuses} page of 40; pages beyond are read only when
 * more posts are wanted. Handle domains not configured are resolved once with WebFinger. Thread-safe.
 */
public final class MastodonClient implements PlatformClient {
    private static final int STATUSES_PAGE = 40;
    private static final int FOLLOWERS_PAGE = 80;

    private final PlatformHttp http;
    private final Map<String, MastodonInstance> instances;
    private final WebFinger webFinger;
    private final List<MastodonInstance> tagSources;
    private final int directoryPages;
    private final MastodonDiscovery discovery;

    /** An adapter for the configured instances; other domains are resolved with WebFinger at {@code https://domain}. */
    public MastodonClient(Fetcher fetcher, List<MastodonInstance> instances) {
        this(fetcher, instances, domain -> URI.create("https://" + domain));
    }

    /** @param webFingerOrigin where a handle domain serves WebFinger (tests point it at a local server) */
    public MastodonClient(Fetcher fetcher, List<MastodonInstance> instances, Function<String, URI> webFingerOrigin) {
        this(fetcher, instances, webFingerOrigin, 0);
    }

    /**
     * @param directoryPages pages of 80 accounts read from each configured instance's profile directory during
     *                       discovery (0 = directory not used; it lists every opted-in account, niche or not)
     */
    public MastodonClient(Fetcher fetcher, List<MastodonInstance> instances, Function<String, URI> webFingerOrigin,
                          int directoryPages) {
        if (directoryPages < 0) {
            throw new IllegalArgumentException("Mastodon directory pages must be >= 0 (got " + directoryPages + ")");
        }
        this.directoryPages = directoryPages;
        this.http = new PlatformHttp(fetcher, Platform.MASTODON);
        Map<String, MastodonInstance> byDomain = new LinkedHashMap<>();
        for (MastodonInstance i : instances) {
            byDomain.putIfAbsent(i.domain(), i);
        }
        this.instances = Map.copyOf(byDomain);
        this.webFinger = new WebFinger(http, webFingerOrigin);
        this.tagSources = List.copyOf(byDomain.values());
        this.discovery = new MastodonDiscovery(http, tagSources);
    }

    @Override
    public Platform platform() {
        return Platform.MASTODON;
    }

    @Override
    public int lookupBatchSize() {
        return 1;
    }

    @Override
    public String hostKey(ProfileRef ref) {
        MastodonInstance i = instances.get(ref.mastodonHost());
        if (i != null) {
            return HostKey.of(i.baseUri());
        }
        // A reference stored before handles were checked may carry anything; it gets a key of its own and its
        // lookup refuses it (no request is sent).
        return Acct.validDomain(ref.mastodonHost()) ? HostKey.of(URI.create("https://" + ref.mastodonHost()))
                : "invalid:" + ref.mastodonHost();
    }

    /** Requests this adapter has sent so far. */
    public long requestsSent() {
        return http.requests();
    }

    @Override
    public LookupBatch lookup(List<ProfileRef> refs) throws InterruptedException {
        List<ProfileLookup> out = new ArrayList<>(refs.size());
        RequestCounter requests = new RequestCounter();
        for (ProfileRef ref : refs) {
            out.add(lookupOne(ref, requests));
        }
        return new LookupBatch(out, requests.count());
    }

    private ProfileLookup lookupOne(ProfileRef ref, RequestCounter requests) throws InterruptedException {
        if (ref.platform() != Platform.MASTODON || ref.mastodonHost().isEmpty()) {
            return new ProfileLookup.Missing(ref, "not a Mastodon handle of the form user@host");
        }
        if (Acct.parse(ref.value(), "").isEmpty()) {
            return new ProfileLookup.Missing(ref, "not a valid Mastodon handle (user: letters, digits, _ . -;"
                    + " host: a DNS name with an optional port); refused without a request");
        }
        URI url = null;
        try {
            MastodonInstance home = home(ref, requests);
            url = home.api("/api/v1/accounts/lookup?acct=" + enc(ref.mastodonUser()));
            requests.add();
            JsonNode json = http.getJson(url, ref.id()).body();
            if (!json.isObject() || json.get("id") == null) {
                return new ProfileLookup.Failed(ref, http.malformed(url, ref.id(),
                        "accounts/lookup did not answer an Account object (no 'id')", null));
            }
            Optional<String> optOut = MastodonAccounts.optOutReason(json);
            if (optOut.isPresent()) {
                Optional<ProfileRef> movedTo = MastodonAccounts.movedTo(json, home.domain());
                return new ProfileLookup.Skipped(ref, optOut.get(), movedTo);
            }
            ProfileRef canonical = MastodonAccounts.ref(json, home.domain()).orElse(ref);
            if (!canonical.mastodonHost().equalsIgnoreCase(home.domain())) {
                // A server speaks only for its own accounts: filing this answer under another server's id would
                // let any server write (and steer later requests for) a profile it does not host.
                return new ProfileLookup.Failed(ref, http.malformed(url, ref.id(), "answered with the account "
                        + canonical.value() + ", which is not an account of " + home.domain() + "; refused", null));
            }
            Account account = MastodonAccounts.toAccount(json, canonical);
            return new ProfileLookup.Found(ref, new ResolvedProfile(account, json.get("id").asText(), home.baseUri()));
        } catch (PlatformException e) {
            if (e.kind() == PlatformException.Kind.NOT_FOUND && e.status().orElse(404) == 410) {
                // Servers before 3.3.0 answered 410 for suspended accounts.
                return new ProfileLookup.Skipped(ref, "suspended by its server (HTTP 410)");
            }
            if (e.kind() == PlatformException.Kind.NOT_FOUND) {
                return new ProfileLookup.Missing(ref, "no such account on " + ref.mastodonHost()
                        + (e.url() == null ? "" : " (" + e.url() + ")"));
            }
            return new ProfileLookup.Failed(ref, e);
        }
    }

    @Override
    public RecentPosts recentPosts(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
        String subject = profile.account().id();
        String domain = profile.account().ref().mastodonHost();
        List<Post> posts = new ArrayList<>();
        List<Sighting> sightings = new ArrayList<>();
        int requests = 0;
        Optional<URI> next = max <= 0 ? Optional.empty() : Optional.of(URI.create(profile.apiBase()
                + "/api/v1/accounts/" + enc(profile.nativeId()) + "/statuses?limit=" + Math.min(STATUSES_PAGE, max)
                + "&exclude_reblogs=true"));
        while (next.isPresent() && posts.size() < max) {
            requests++;
            PlatformHttp.JsonResponse page = http.getJson(next.get(), subject);
            List<JsonNode> statuses = arrayBody(page, subject, "statuses");
            for (JsonNode status : statuses) {
                Optional<JsonNode> reblog = MastodonStatuses.reblogOf(status);
                if (reblog.isPresent()) {
                    // A boost is the original author's post: credit them (for discovery), never the booster.
                    MastodonDiscovery.originalAuthor(reblog.get(), domain).ifPresent(sightings::add);
                    continue;
                }
                if (posts.size() >= max) {
                    break;
                }
                Optional<Post> post = MastodonStatuses.toPost(status, domain);
                if (post.isPresent()) {
                    posts.add(post.get());
                    sightings.addAll(MastodonStatuses.mentionSightings(status, post.get(), domain));
                }
            }
            next = statuses.isEmpty() ? Optional.empty() : LinkHeader.next(page.header("Link"));
        }
        return new RecentPosts(posts, sightings, requests);
    }

    @Override
    public FollowerSample followers(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
        return accountList(profile, "followers", max);
    }

    @Override
    public FollowerSample following(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
        return accountList(profile, "following", max);
    }

    /** {@code accounts/:id/followers} or {@code /following}, 80 a page, following {@code Link} (its ids are internal). */
    private FollowerSample accountList(ResolvedProfile profile, String list, int max)
            throws PlatformException, InterruptedException {
        String subject = profile.account().id();
        String domain = profile.account().ref().mastodonHost();
        List<Account> accounts = new ArrayList<>();
        int requests = 0;
        Optional<URI> next = max <= 0 ? Optional.empty() : Optional.of(URI.create(profile.apiBase()
                + "/api/v1/accounts/" + enc(profile.nativeId()) + "/" + list + "?limit=" + Math.min(FOLLOWERS_PAGE, max)));
        while (next.isPresent() && accounts.size() < max) {
            requests++;
            PlatformHttp.JsonResponse page = http.getJson(next.get(), subject);
            List<JsonNode> page1 = arrayBody(page, subject, list);
            for (JsonNode a : page1) {
                if (accounts.size() < max) {
                    MastodonAccounts.ref(a, domain).ifPresent(r -> accounts.add(MastodonAccounts.toAccount(a, r)));
                }
            }
            next = page1.isEmpty() ? Optional.empty() : LinkHeader.next(page.header("Link"));
        }
        return new FollowerSample(accounts, requests);
    }

    /** Local accounts of each configured instance's directory, when enabled ({@code directoryPages} > 0). */
    @Override
    public FollowerSample directory() throws PlatformException, InterruptedException {
        return discovery.directory(directoryPages);
    }

    @Override
    public TagDiscovery discoverByHashtag(String hashtag, int pages) throws PlatformException, InterruptedException {
        return discovery.tagAuthors(hashtag, pages);
    }

    private MastodonInstance home(ProfileRef ref, RequestCounter requests)
            throws PlatformException, InterruptedException {
        MastodonInstance configured = instances.get(ref.mastodonHost());
        return configured != null ? configured : webFinger.resolve(ref, requests);
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

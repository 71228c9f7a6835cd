package dev.scout.crawler.platform.web;

import dev.scout.crawler.http.Fetcher;
import dev.scout.crawler.http.HostKey;
import dev.scout.crawler.platform.FollowerSample;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformClient;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.PlatformHttp;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads public profile pages of any site through their markup (reference §4): schema.org JSON-LD first, then
 * microdata, then OpenGraph. One request per profile; posts listed in the page ({@code hasPart}) come with it.
 * Pages that ask not to be indexed ({@code noindex} in a robots meta tag or {@code X-Robots-Tag}) are skipped, and
 * Instagram/TikTok pages are never read unless the operator opted in (their terms forbid automated collection).
 * Thread-safe.
 */
public final class WebPageClient implements PlatformClient {
    private static final Set<String> RESTRICTED = Set.of("instagram.com", "tiktok.com");

    private final PlatformHttp http;
    private final boolean allowRestrictedSites;

    public WebPageClient(Fetcher fetcher) {
        this(fetcher, false);
    }

    /** @param allowRestrictedSites {@code platforms.web.allowRestrictedSites}, off by default */
    public WebPageClient(Fetcher fetcher, boolean allowRestrictedSites) {
        this.http = new PlatformHttp(fetcher, Platform.WEB);
        this.allowRestrictedSites = allowRestrictedSites;
    }

    @Override
    public Platform platform() {
        return Platform.WEB;
    }

    @Override
    public int lookupBatchSize() {
        return 1;
    }

    @Override
    public String hostKey(ProfileRef ref) {
        try {
            return HostKey.of(URI.create(ref.value()));
        } catch (IllegalArgumentException e) {
            return ref.value();
        }
    }

    @Override
    public LookupBatch lookup(List<ProfileRef> refs) throws InterruptedException {
        List<ProfileLookup> out = new ArrayList<>();
        int requests = 0;
        for (ProfileRef ref : refs) {
            Optional<URI> url = pageUrl(ref);
            if (url.isEmpty()) {
                out.add(new ProfileLookup.Missing(ref, "not an absolute http(s) page URL: " + ref.value()));
                continue;
            }
            String host = url.get().getHost().toLowerCase(Locale.ROOT).replaceFirst("^(www\\.|m\\.)", "");
            if (RESTRICTED.contains(host) && !allowRestrictedSites) {
                out.add(new ProfileLookup.Skipped(ref, host + " forbids automated collection in its terms; not read"
                        + " (set platforms.web.allowRestrictedSites to opt in)"));
                continue;
            }
            requests++;
            out.add(read(ref, url.get()));
        }
        return new LookupBatch(out, requests);
    }

    private ProfileLookup read(ProfileRef ref, URI url) throws InterruptedException {
        try {
            PlatformHttp.Response r = http.getHtml(url, ref.id());
            boolean headerNoindex = r.header("X-Robots-Tag").map(v -> noindex(v)).orElse(false);
            Document doc = Jsoup.parse(r.bodyText(), url.toString());
            Element robots = doc.selectFirst("meta[name=robots]");
            if (headerNoindex || (robots != null && noindex(robots.attr("content")))) {
                return new ProfileLookup.Skipped(ref, "the page asks not to be indexed (noindex)");
            }
            Optional<PageProfile> profile = JsonLdProfile.read(doc)
                    .or(() -> MarkupFallbacks.microdata(doc))
                    .or(() -> MarkupFallbacks.openGraph(doc));
            if (profile.isEmpty()) {
                return new ProfileLookup.Missing(ref, "no profile markup (schema.org JSON-LD or microdata Person/"
                        + "ProfilePage, or OpenGraph profile tags) at " + url);
            }
            return new ProfileLookup.Found(ref, resolved(ref, url, doc, profile.get()));
        } catch (PlatformException e) {
            if (e.kind() == PlatformException.Kind.NOT_FOUND) {
                return new ProfileLookup.Missing(ref, "page not found (" + url + ")");
            }
            return new ProfileLookup.Failed(ref, e);
        }
    }

    private ResolvedProfile resolved(ProfileRef ref, URI url, Document doc, PageProfile p) {
        Element canonicalLink = doc.selectFirst("link[rel=canonical][href]");
        // A page may name its canonical URL, but only on its own site: a page claiming another site's URL would
        // otherwise be filed (and later re-fetched) under that site's profile id.
        Optional<String> canonical = Optional.ofNullable(canonicalLink).map(e -> e.attr("abs:href"))
                .or(p::url).filter(u -> u.startsWith("https://") || u.startsWith("http://"))
                .filter(u -> sameSite(u, url));
        ProfileRef stable = canonical.map(c -> new ProfileRef(Platform.WEB, c)).orElse(ref);
        List<String> labels = new ArrayList<>();
        labels.add("markup:" + p.source());
        if (p.approximate()) {
            labels.add("approximate-counts");
        }
        Account.Builder b = Account.builder(stable)
                .handle(p.handle().or(() -> MarkupFallbacks.meta(doc, "profile:username")).orElse(stable.value()))
                .displayName(p.name())
                .bio(p.description())
                .profileUrl(stable.value())
                .hasAvatar(p.image().isPresent())
                .labels(labels);
        p.website().ifPresent(b::website);
        p.followers().ifPresent(b::followers);
        p.following().ifPresent(b::following);
        p.posts().ifPresent(b::postsCount);
        p.createdAt().ifPresent(b::createdAt);
        return new ResolvedProfile(b.build(), url.toString(), url, p.recentPosts());
    }

    /** The posts the page itself listed; no request. */
    @Override
    public RecentPosts recentPosts(ResolvedProfile profile, int max) {
        return new RecentPosts(profile.embeddedPosts().stream().limit(Math.max(0, max)).toList(), List.of(), 0);
    }

    /** Profile pages do not list followers. */
    @Override
    public FollowerSample followers(ResolvedProfile profile, int max) {
        return new FollowerSample(List.of(), 0);
    }

    @Override
    public TagDiscovery discoverByHashtag(String hashtag, int pages) {
        return TagDiscovery.none();
    }

    private static boolean noindex(String directives) {
        String d = directives.toLowerCase(Locale.ROOT);
        return d.contains("noindex") || d.matches(".*\\bnone\\b.*");
    }

    /** True when {@code candidate} is on the host that served {@code served} ({@code www.}/{@code m.} aside). */
    static boolean sameSite(String candidate, URI served) {
        try {
            String host = URI.create(candidate).getHost();
            return host != null && site(host).equals(site(served.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String site(String host) {
        return host.toLowerCase(Locale.ROOT).replaceFirst("^(www\\.|m\\.)", "");
    }

    private static Optional<URI> pageUrl(ProfileRef ref) {
        try {
            URI u = URI.create(ref.value());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? Optional.of(u)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package dev.scout.simnet.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scout.simnet.http.BadRequestException;
import dev.scout.simnet.http.RateLimitStyle;
import dev.scout.simnet.http.Route;
import dev.scout.simnet.http.SimRequest;
import dev.scout.simnet.http.SimResponse;
import dev.scout.simnet.population.AccountKind;
import dev.scout.simnet.population.SimAccount;
import dev.scout.simnet.population.SimPost;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One simulated Mastodon instance ({@code LOCAL_DOMAIN} = {@code domain}, API served at its loopback base URL):
 * account lookup and profiles, statuses, followers, hashtag timelines, the profile directory, WebFinger and
 * robots.txt, in the documented response format. Thread-safe.
 */
public final class MastodonApi implements Route {

    private static final String NOT_FOUND = "{\"error\":\"Record not found\"}";

    private final String domain;
    private final MastodonDirectory directory;
    private final ObjectMapper mapper;
    private final MastodonJson json;
    private final AccountRoutes accounts;

    public MastodonApi(String domain, MastodonDirectory directory, ObjectMapper mapper) {
        this.domain = domain;
        this.directory = directory;
        this.mapper = mapper;
        this.json = new MastodonJson(mapper, directory);
        this.accounts = new AccountRoutes(domain, directory, json, this);
    }

    /** The Mastodon rate-limit behaviour for hosts serving this API. */
    public static RateLimitStyle rateLimitStyle() {
        return new MastodonRateLimit();
    }

    /** The answer for an injected fault: a 503 as a failing federation fetch gives. */
    public static SimResponse fault() {
        return SimResponse.json(503, "{\"error\":\"Remote data could not be fetched\"}");
    }

    @Override
    public SimResponse handle(SimRequest r) {
        try {
            return route(r);
        } catch (BadRequestException e) {
            return SimResponse.json(400, "{\"error\":" + quote(e.getMessage()) + "}");
        }
    }

    private SimResponse route(SimRequest r) {
        String path = r.path();
        if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
            return notFound(path);
        }
        if (path.equals("/robots.txt")) {
            return SimResponse.text(200, "text/plain; charset=utf-8", MastodonRobots.TEXT);
        }
        if (path.equals("/.well-known/webfinger")) {
            return accounts.webfinger(r);
        }
        if (path.equals("/api/v1/accounts/lookup")) {
            return accounts.lookup(r);
        }
        if (path.equals("/api/v1/instance") || path.equals("/api/v2/instance")) {
            return instance(path.contains("/v2/"));
        }
        if (path.equals("/api/v1/directory")) {
            return directory(r);
        }
        if (path.startsWith("/api/v1/timelines/tag/")) {
            return tagTimeline(r, path.substring("/api/v1/timelines/tag/".length()));
        }
        if (path.equals("/api/v1/accounts")) {
            // Batch profiles (Mastodon 4.3+): unknown ids are silently left out.
            return json(r.params("id[]").stream().map(directory::byId).flatMap(java.util.Optional::stream).toList(),
                    a -> json.account(a, domain));
        }
        if (path.startsWith("/api/v1/accounts/")) {
            String[] parts = path.substring("/api/v1/accounts/".length()).split("/");
            if (parts.length == 1) {
                return accounts.profile(parts[0]);
            }
            if (parts.length == 2 && parts[1].equals("statuses")) {
                return accounts.statuses(r, parts[0]);
            }
            if (parts.length == 2 && parts[1].equals("followers")) {
                return accounts.followers(r, parts[0]);
            }
            if (parts.length == 2 && parts[1].equals("following")) {
                return accounts.following(r, parts[0]);
            }
        }
        return notFound(path);
    }

    private SimResponse tagTimeline(SimRequest r, String rawTag) {
        String tag = rawTag.toLowerCase(Locale.ROOT);
        if (tag.isEmpty() || tag.contains("/")) {
            return notFound(r.path());
        }
        if (!directory.knownTag(tag)) {
            return SimResponse.json(404, NOT_FOUND);
        }
        if (r.flag("remote") || r.flag("only_media")) {
            // This instance has only its own posts and the simulation has no media.
            return json(List.of(), Function.identity());
        }
        List<SimPost> posts = directory.tagTimeline(domain, tag);
        List<String> none = r.params("none[]");
        if (!none.isEmpty()) {
            posts = posts.stream().filter(p -> p.hashtags().stream().noneMatch(h -> none.contains(h.toLowerCase(Locale.ROOT)))).toList();
        }
        return pageOf(r, "/api/v1/timelines/tag/" + tag, posts, SimPost::id, 20, 40, p -> json.status(p, domain));
    }

    private SimResponse directory(SimRequest r) {
        int limit = Math.max(1, Math.min(80, r.intParam("limit").orElse(40)));
        int offset = Math.max(0, r.intParam("offset").orElse(0));
        boolean byNew = r.param("order").filter("new"::equals).isPresent();
        Comparator<SimAccount> order = byNew
                ? Comparator.comparing(SimAccount::createdAt).reversed()
                : Comparator.comparing((SimAccount a) -> newestPost(a)).reversed();
        List<SimAccount> listed = directory.population().accounts().stream()
                .filter(a -> a.domain().equals(domain) && a.platform() == dev.scout.model.Platform.MASTODON)
                .filter(a -> a.flags().discoverable() && !a.flags().suspended() && a.flags().movedTo().isEmpty())
                .filter(a -> a.kind() == AccountKind.CREATOR || a.kind() == AccountKind.GENERALIST || a.kind() == AccountKind.BRAND)
                .sorted(order.thenComparing(SimAccount::index))
                .skip(offset).limit(limit).toList();
        return json(listed, a -> json.account(a, domain));
    }

    /** Instance metadata; like a LOCAL_DOMAIN ≠ WEB_DOMAIN server, it names the handle domain, not the API host. */
    private SimResponse instance(boolean v2) {
        var n = mapper.createObjectNode();
        if (v2) {
            n.put("domain", domain);
        } else {
            n.put("uri", domain);
        }
        n.put("title", "Simulated " + domain);
        n.put("version", "4.3.0");
        n.put("source_url", "https://github.com/mastodon/mastodon");
        n.put("description", "A simulated Mastodon instance for Scout tests and demos.");
        if (v2) {
            n.putObject("configuration").putObject("urls").put("streaming", directory.baseUrl(domain).replace("http", "ws"));
            n.putObject("registrations").put("enabled", false).put("approval_required", false);
        } else {
            n.putObject("urls").put("streaming_api", directory.baseUrl(domain).replace("http", "ws"));
            n.put("registrations", false);
        }
        return write(200, n);
    }

    private long newestPost(SimAccount a) {
        List<SimPost> posts = directory.population().posts(a.index());
        return posts.isEmpty() ? 0 : posts.get(0).id();
    }

    <T> SimResponse pageOf(SimRequest r, String path, List<T> newestFirst, ToLongFunction<T> id, int def, int max,
                           Function<T, JsonNode> render) {
        Paging.Page<T> page = Paging.slice(newestFirst, id, r, def, max);
        SimResponse response = json(page.items(), render);
        Optional<String> link = Paging.link(directory.baseUrl(domain) + path, r, page, id);
        return link.map(l -> response.withHeader("Link", l)).orElse(response);
    }

    <T> SimResponse json(List<T> items, Function<T, ? extends JsonNode> render) {
        ArrayNode array = mapper.createArrayNode();
        items.forEach(i -> array.add(render.apply(i)));
        return write(200, array);
    }

    SimResponse write(int status, JsonNode node) {
        try {
            return SimResponse.json(status, mapper.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise a simulated Mastodon response", e);
        }
    }

    com.fasterxml.jackson.databind.node.ObjectNode object() {
        return mapper.createObjectNode();
    }

    static SimResponse notFound(String path) {
        return path.startsWith("/api/") ? SimResponse.json(404, NOT_FOUND)
                : SimResponse.text(404, "text/html; charset=utf-8", "<!DOCTYPE html><title>The page you are looking for isn't here.</title>");
    }

    private String quote(String s) {
        try {
            return mapper.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise an error message", e);
        }
    }
}

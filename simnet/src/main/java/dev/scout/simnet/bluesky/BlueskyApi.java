package dev.scout.simnet.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.model.Platform;
import dev.scout.simnet.http.BadRequestException;
import dev.scout.simnet.http.LiveChanges;
import dev.scout.simnet.http.RateLimitStyle;
import dev.scout.simnet.http.Route;
import dev.scout.simnet.http.SimRequest;
import dev.scout.simnet.http.SimResponse;
import dev.scout.simnet.population.Population;
import dev.scout.simnet.population.SimAccount;
import dev.scout.simnet.population.SimPost;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public Bluesky AppView (reference §2): {@code getProfile}, {@code getProfiles} (≤ 25 repeated
 * {@code actors}), {@code getAuthorFeed} (cursor, filters, reposts with {@code reasonRepost}),
 * {@code getFollowers}; {@code searchPosts} answers 403 like the public host. Errors use the XRPC body
 * {@code {"error":..., "message":...}}. Thread-safe.
 */
public final class BlueskyApi implements Route {

    private static final String XRPC = "/xrpc/";

    private final Population population;
    private final ObjectMapper mapper;
    private final BlueskyJson json;

    public BlueskyApi(Population population, ObjectMapper mapper) {
        this(population, mapper, new LiveChanges());
    }

    /** @param changes follower changes made after start */
    public BlueskyApi(Population population, ObjectMapper mapper, LiveChanges changes) {
        this.population = population;
        this.mapper = mapper;
        this.json = new BlueskyJson(mapper, population, changes);
    }

    public static RateLimitStyle rateLimitStyle() {
        return new BlueskyRateLimit();
    }

    /** The answer for an injected fault. */
    public static SimResponse fault() {
        return SimResponse.json(503, "{\"error\":\"NotEnoughResources\",\"message\":\"Service Unavailable\"}");
    }

    @Override
    public SimResponse handle(SimRequest r) {
        if (r.path().equals("/robots.txt")) {
            return SimResponse.text(200, "text/plain; charset=utf-8", "# Public AppView\nUser-agent: *\nAllow: /\n");
        }
        if (!r.path().startsWith(XRPC)) {
            return SimResponse.text(404, "text/plain; charset=utf-8", "Not Found");
        }
        try {
            return switch (r.path().substring(XRPC.length())) {
                case "app.bsky.actor.getProfile" -> getProfile(r);
                case "app.bsky.actor.getProfiles" -> getProfiles(r);
                case "app.bsky.feed.getAuthorFeed" -> getAuthorFeed(r);
                case "app.bsky.graph.getFollowers" -> graph(r, "followers", population::followers);
                case "app.bsky.graph.getFollows" -> graph(r, "follows", population::following);
                case "app.bsky.actor.searchActors" -> searchActors(r);
                case "app.bsky.feed.searchPosts" -> SimResponse.text(403, "text/html; charset=utf-8",
                        "<html><body>Request forbidden by administrative rules.</body></html>");
                default -> error(404, "XRPCNotSupported", "XRPCNotSupported");
            };
        } catch (BadRequestException e) {
            return error(400, "InvalidRequest", "Error: " + e.getMessage());
        }
    }

    private SimResponse getProfile(SimRequest r) {
        String actor = required(r, "actor");
        return resolve(actor).map(a -> write(json.detailed(a))).orElseGet(() -> error(400, "InvalidRequest", "Profile not found"));
    }

    private SimResponse getProfiles(SimRequest r) {
        List<String> actors = r.params("actors");
        if (actors.isEmpty()) {
            return error(400, "InvalidRequest", "Error: Params must have the property \"actors\"");
        }
        if (actors.size() > 25) {
            return error(400, "InvalidRequest", "Error: actors must not have more than 25 elements");
        }
        ObjectNode out = mapper.createObjectNode();
        ArrayNode profiles = out.putArray("profiles");
        actors.forEach(actor -> resolve(actor).ifPresent(a -> profiles.add(json.detailed(a))));
        return write(out);
    }

    private SimResponse getAuthorFeed(SimRequest r) {
        String actor = required(r, "actor");
        int limit = limit(r, 50);
        Optional<SimAccount> account = resolve(actor);
        if (account.isEmpty()) {
            return error(400, "InvalidRequest", "Profile not found");
        }
        SimAccount a = account.get();
        String filter = r.param("filter").orElse("posts_with_replies");
        List<SimPost> items = new ArrayList<>();
        for (SimPost p : json.posts(a)) {
            boolean keep = switch (filter) {
                case "posts_no_replies", "posts_and_author_threads" -> !p.isReply();
                case "posts_with_media", "posts_with_video" -> false;
                default -> true;
            };
            if (keep) {
                items.add(p);
            }
        }
        Page<SimPost> page = page(items, r, limit, SimPost::id);
        ObjectNode out = mapper.createObjectNode();
        page.cursor().ifPresent(c -> out.put("cursor", c));
        ArrayNode feed = out.putArray("feed");
        if (r.flag("includePins") && r.param("cursor").isEmpty()) {
            json.posts(a).stream().filter(SimPost::pinned).findFirst().ifPresent(p -> feed.add(json.pinnedItem(p)));
        }
        page.items().forEach(p -> feed.add(json.feedItem(p, a)));
        return write(out);
    }

    /**
     * {@code searchActors}: accounts whose handle, display name or bio hold every word of {@code q}, most followed
     * first (the public AppView answers this without a login, so a scout can find starting points there).
     */
    private SimResponse searchActors(SimRequest r) {
        String q = r.param("q").or(() -> r.param("term")).filter(v -> !v.isBlank())
                .orElseThrow(() -> new BadRequestException("q", "", "is required: Params must have the property \"q\""));
        int limit = limit(r, 25);
        int offset = r.param("cursor").filter(c -> !c.isBlank()).map(c -> {
            try {
                return Integer.parseInt(c);
            } catch (NumberFormatException e) {
                throw new BadRequestException("cursor", c, "is not a cursor this server issued");
            }
        }).orElse(0);
        List<String> words = java.util.Arrays.stream(q.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).toList();
        List<SimAccount> hits = searchIndex().stream().filter(a -> {
            String text = (a.handle() + " " + a.displayName() + " " + a.bio()).toLowerCase(java.util.Locale.ROOT);
            return words.stream().allMatch(text::contains);
        }).toList();
        ObjectNode out = mapper.createObjectNode();
        if (offset + limit < hits.size()) {
            out.put("cursor", Integer.toString(offset + limit));
        }
        ArrayNode actors = out.putArray("actors");
        hits.stream().skip(offset).limit(limit).forEach(a -> actors.add(json.profileView(a)));
        return write(out);
    }

    /** Bluesky accounts, most followed first (ties by index), as the search ranks them. */
    private List<SimAccount> searchIndex() {
        return population.on(Platform.BLUESKY).stream()
                .sorted(java.util.Comparator.comparingLong(SimAccount::followers).reversed()
                        .thenComparingInt(SimAccount::index))
                .toList();
    }

    /**
     * {@code getFollowers} and {@code getFollows}: the subject and a newest-first page of profile views under
     * {@code field}.
     */
    private SimResponse graph(SimRequest r, String field, java.util.function.IntFunction<List<Integer>> edges) {
        String actor = required(r, "actor");
        int limit = limit(r, 50);
        Optional<SimAccount> account = resolve(actor);
        if (account.isEmpty()) {
            return error(400, "InvalidRequest", "Actor not found: " + actor);
        }
        SimAccount a = account.get();
        List<Integer> others = edges.apply(a.index());
        List<long[]> records = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            records.add(new long[] {others.size() - i, others.get(i)});
        }
        Page<long[]> page = page(records, r, limit, rec -> rec[0]);
        ObjectNode out = mapper.createObjectNode();
        out.set("subject", json.profileView(a));
        page.cursor().ifPresent(c -> out.put("cursor", c));
        ArrayNode list = out.putArray(field);
        page.items().forEach(rec -> list.add(json.profileView(population.account((int) rec[1]))));
        return write(out);
    }

    /** A slice of a newest-first list after an opaque cursor; the cursor is present only when more items follow. */
    private record Page<T>(List<T> items, Optional<String> cursor) {
    }

    private static <T> Page<T> page(List<T> newestFirst, SimRequest r, int limit, java.util.function.ToLongFunction<T> key) {
        Optional<Long> after = r.param("cursor").filter(c -> !c.isBlank()).map(c -> {
            try {
                return Long.parseLong(c);
            } catch (NumberFormatException e) {
                throw new BadRequestException("cursor", c, "is not a cursor this server issued");
            }
        });
        List<T> rest = after.map(c -> newestFirst.stream().filter(t -> key.applyAsLong(t) < c).toList()).orElse(newestFirst);
        List<T> items = rest.subList(0, Math.min(limit, rest.size()));
        Optional<String> cursor = rest.size() > items.size()
                ? Optional.of(Long.toString(key.applyAsLong(items.get(items.size() - 1)))) : Optional.empty();
        return new Page<>(items, cursor);
    }

    private Optional<SimAccount> resolve(String actor) {
        Optional<SimAccount> a = actor.startsWith("did:") ? population.byDid(actor)
                : population.byHandle(Platform.BLUESKY, actor.toLowerCase(java.util.Locale.ROOT).replaceFirst("^@", ""));
        return a.filter(x -> x.platform() == Platform.BLUESKY);
    }

    private static String required(SimRequest r, String name) {
        return r.param(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new BadRequestException(name, "", "is required: Params must have the property \"" + name + "\""));
    }

    private static int limit(SimRequest r, int def) {
        int limit = r.intParam("limit").orElse(def);
        if (limit < 1 || limit > 100) {
            throw new BadRequestException("limit", Integer.toString(limit), "must be between 1 and 100");
        }
        return limit;
    }

    private SimResponse error(int status, String name, String message) {
        ObjectNode n = mapper.createObjectNode().put("error", name).put("message", message);
        return new SimResponse(status, SimResponse.JSON, java.util.Map.of(), write(n).body());
    }

    private SimResponse write(ObjectNode node) {
        try {
            return SimResponse.json(200, mapper.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise a simulated Bluesky response", e);
        }
    }
}

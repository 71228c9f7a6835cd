package dev.scout.simnet.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.simnet.http.LiveChanges;
import dev.scout.simnet.population.Population;
import dev.scout.simnet.population.SimAccount;
import dev.scout.simnet.population.SimPost;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders Bluesky AppView views (reference §2.3, §2.4) for anonymous callers: {@code profileViewDetailed},
 * {@code profileView}, {@code profileViewBasic}, {@code postView} and {@code feedViewPost}. No {@code viewer}
 * objects (anonymous), optional keys left out when empty. Thread-safe.
 */
final class BlueskyJson {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String CDN = "https://cdn.sky.example/img/avatar/plain/";

    private final ObjectMapper mapper;
    private final Population population;
    private final LiveChanges changes;

    BlueskyJson(ObjectMapper mapper, Population population, LiveChanges changes) {
        this.mapper = mapper;
        this.population = population;
        this.changes = changes;
    }

    ObjectNode basic(SimAccount a) {
        ObjectNode n = mapper.createObjectNode();
        n.put("did", did(a));
        n.put("handle", a.username());
        if (!a.displayName().isEmpty()) {
            n.put("displayName", a.displayName());
        }
        if (a.hasAvatar()) {
            n.put("avatar", CDN + did(a) + "/bafkrei" + Long.toString(a.index() * 7919L + 100_000, 32) + "@jpeg");
        }
        n.putObject("associated").put("lists", 0).put("feedgens", 0).put("starterPacks", 0).put("labeler", false);
        n.set("labels", labels(a));
        n.put("createdAt", time(a.createdAt()));
        return n;
    }

    ObjectNode profileView(SimAccount a) {
        ObjectNode n = basic(a);
        if (!a.bio().isEmpty()) {
            n.put("description", a.bio());
        }
        n.put("indexedAt", time(a.createdAt().plusSeconds(3_600)));
        return n;
    }

    ObjectNode detailed(SimAccount a) {
        ObjectNode n = profileView(a);
        a.website().ifPresent(w -> n.put("website", w));
        n.put("followersCount", changes.followers(a));
        n.put("followsCount", a.following());
        n.put("postsCount", population.postsCount(a.index()));
        population.posts(a.index()).stream().filter(SimPost::pinned).findFirst()
                .ifPresent(p -> n.putObject("pinnedPost").put("uri", uri(p)).put("cid", cid(p)));
        return n;
    }

    ObjectNode post(SimPost p) {
        SimAccount author = population.account(p.authorIndex());
        RichText rich = RichText.of(p.segments(), population, mapper);
        ObjectNode n = mapper.createObjectNode();
        n.put("uri", uri(p));
        n.put("cid", cid(p));
        n.set("author", basic(author));
        ObjectNode record = n.putObject("record");
        record.put("$type", "app.bsky.feed.post");
        record.put("text", rich.text());
        record.put("createdAt", time(p.createdAt()));
        if (!rich.facets().isEmpty()) {
            record.set("facets", rich.facets());
        }
        record.putArray("langs").add("en");
        if (!rich.extraTags().isEmpty()) {
            ArrayNode tags = record.putArray("tags");
            rich.extraTags().forEach(tags::add);
        }
        p.inReplyTo().flatMap(population::post).ifPresent(parent -> {
            ObjectNode reply = record.putObject("reply");
            reply.putObject("root").put("uri", uri(parent)).put("cid", cid(parent));
            reply.putObject("parent").put("uri", uri(parent)).put("cid", cid(parent));
        });
        rich.firstLink().ifPresent(link -> {
            record.putObject("embed").put("$type", "app.bsky.embed.external").putObject("external")
                    .put("uri", link).put("title", "Shop the look").put("description", "");
            n.putObject("embed").put("$type", "app.bsky.embed.external#view").putObject("external")
                    .put("uri", link).put("title", "Shop the look").put("description", "");
        });
        n.put("replyCount", p.replies());
        n.put("repostCount", p.shares());
        n.put("likeCount", p.likes());
        n.put("quoteCount", 0);
        n.put("indexedAt", time(p.createdAt().plusMillis(400)));
        n.putArray("labels");
        return n;
    }

    /** A feed item of {@code actor}'s feed: an own post, a reply (with its thread refs) or a repost. */
    ObjectNode feedItem(SimPost p, SimAccount actor) {
        ObjectNode item = mapper.createObjectNode();
        if (p.isRepost()) {
            SimPost original = population.post(p.repostOf().get()).orElseThrow();
            item.set("post", post(original));
            ObjectNode reason = item.putObject("reason");
            reason.put("$type", "app.bsky.feed.defs#reasonRepost");
            reason.set("by", basic(actor));
            reason.put("indexedAt", time(p.createdAt()));
            return item;
        }
        item.set("post", post(p));
        p.inReplyTo().flatMap(population::post).ifPresent(parent -> {
            ObjectNode reply = item.putObject("reply");
            ObjectNode root = post(parent);
            root.put("$type", "app.bsky.feed.defs#postView");
            reply.set("root", root);
            reply.set("parent", root.deepCopy());
        });
        return item;
    }

    ObjectNode pinnedItem(SimPost p) {
        ObjectNode item = mapper.createObjectNode();
        item.set("post", post(p));
        item.putObject("reason").put("$type", "app.bsky.feed.defs#reasonPin");
        return item;
    }

    private ArrayNode labels(SimAccount a) {
        ArrayNode labels = mapper.createArrayNode();
        String self = "at://" + did(a) + "/app.bsky.actor.profile/self";
        if (a.flags().noUnauthenticated()) {
            labels.addObject().put("src", did(a)).put("uri", self).put("cid", "bafyreiprofile" + a.index())
                    .put("val", "!no-unauthenticated").put("cts", time(a.createdAt()));
        }
        if (a.flags().bot()) {
            labels.addObject().put("src", did(a)).put("uri", self).put("cid", "bafyreiprofile" + a.index())
                    .put("val", "bot").put("cts", time(a.createdAt()));
        }
        return labels;
    }

    String uri(SimPost p) {
        return "at://" + did(population.account(p.authorIndex())) + "/app.bsky.feed.post/" + rkey(p);
    }

    static String rkey(SimPost p) {
        String s = Long.toString(p.id(), 32);
        return "3" + "0".repeat(Math.max(0, 12 - s.length())) + s;
    }

    static String cid(SimPost p) {
        return "bafyrei" + Long.toString(Long.reverse(p.id()) & Long.MAX_VALUE, 32);
    }

    private static String did(SimAccount a) {
        return a.did().orElseThrow(() -> new IllegalStateException("account " + a.handle() + " has no DID"));
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    List<SimPost> posts(SimAccount a) {
        return population.posts(a.index());
    }
}

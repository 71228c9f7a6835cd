package dev.scout.simnet.mastodon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.simnet.population.Population;
import dev.scout.simnet.population.Segment;
import dev.scout.simnet.population.SimAccount;
import dev.scout.simnet.population.SimPost;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders accounts and statuses in Mastodon's REST format (reference §1.3, §1.4), as seen by an anonymous client
 * of one instance: local accounts have {@code acct = username}, remote ones {@code username@domain}. Accounts of
 * "older servers" leave out the keys added after 3.x. Thread-safe.
 */
final class MastodonJson {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final MastodonDirectory directory;
    private final Population population;

    MastodonJson(ObjectMapper mapper, MastodonDirectory directory) {
        this.mapper = mapper;
        this.directory = directory;
        this.population = directory.population();
    }

    ObjectNode account(SimAccount a, String servingDomain) {
        boolean suspended = a.flags().suspended();
        boolean legacy = a.flags().legacyFormat();
        String base = directory.baseUrl(a.domain());
        ObjectNode n = mapper.createObjectNode();
        n.put("id", MastodonDirectory.accountId(a));
        n.put("username", a.username());
        n.put("acct", a.domain().equals(servingDomain) ? a.username() : a.handle());
        n.put("display_name", suspended ? "" : a.displayName());
        n.put("locked", a.flags().locked());
        n.put("bot", a.flags().bot());
        n.put("discoverable", a.flags().discoverable());
        if (!legacy) {
            n.put("indexable", a.flags().indexable());
            n.put("group", false);
        }
        n.put("created_at", TIME.format(a.createdAt()));
        n.put("note", suspended ? "" : ContentHtml.paragraph(a.bio()));
        n.put("url", directory.profileUrl(a));
        if (!legacy) {
            n.put("uri", directory.actorUri(a));
        }
        String avatar = a.hasAvatar() && !suspended
                ? base + "/system/accounts/avatars/" + MastodonDirectory.accountId(a) + "/original/avatar.png"
                : base + "/avatars/original/missing.png";
        n.put("avatar", avatar);
        n.put("avatar_static", avatar);
        n.put("header", base + "/headers/original/missing.png");
        n.put("header_static", base + "/headers/original/missing.png");
        List<SimPost> posts = population.posts(a.index());
        n.put("followers_count", suspended ? 0 : directory.changes().followers(a));
        n.put("following_count", suspended ? 0 : a.following());
        n.put("statuses_count", suspended ? 0 : population.postsCount(a.index()));
        if (posts.isEmpty() || suspended) {
            n.putNull("last_status_at");
        } else {
            n.put("last_status_at", DATE.format(posts.get(0).createdAt()));
        }
        if (!legacy) {
            n.put("hide_collections", false);
            n.put("noindex", a.flags().noindex());
        }
        n.putArray("emojis");
        if (!legacy) {
            if (a.domain().equals(servingDomain)) {
                n.putArray("roles");
            } else {
                n.putNull("roles");
            }
        }
        ArrayNode fields = n.putArray("fields");
        if (!suspended) {
            a.website().ifPresent(w -> fields.addObject().put("name", "Website").put("value", ContentHtml.link(w))
                    .put("verified_at", TIME.format(a.createdAt().plusSeconds(86_400))));
        }
        if (suspended) {
            n.put("suspended", true);
        }
        a.flags().movedTo().ifPresent(m -> n.set("moved", account(population.account(m), servingDomain)));
        return n;
    }

    ObjectNode status(SimPost p, String servingDomain) {
        SimAccount author = population.account(p.authorIndex());
        String base = directory.baseUrl(author.domain());
        String statusPath = "/users/" + author.username() + "/statuses/" + p.id();
        ObjectNode n = mapper.createObjectNode();
        n.put("id", Long.toString(p.id()));
        n.put("created_at", TIME.format(p.createdAt()));
        if (p.inReplyTo().isPresent()) {
            SimPost parent = population.post(p.inReplyTo().get()).orElseThrow();
            n.put("in_reply_to_id", Long.toString(parent.id()));
            n.put("in_reply_to_account_id", MastodonDirectory.accountId(population.account(parent.authorIndex())));
        } else {
            n.putNull("in_reply_to_id");
            n.putNull("in_reply_to_account_id");
        }
        n.put("sensitive", false);
        n.put("spoiler_text", "");
        n.put("visibility", "public");
        if (p.isRepost()) {
            n.putNull("language");
            n.put("uri", base + statusPath + "/activity");
            n.put("url", base + statusPath + "/activity");
        } else {
            n.put("language", "en");
            n.put("uri", base + statusPath);
            n.put("url", base + "/@" + author.username() + "/" + p.id());
        }
        n.put("replies_count", p.replies());
        n.put("reblogs_count", p.shares());
        n.put("favourites_count", p.likes());
        if (!author.flags().legacyFormat()) {
            n.put("quotes_count", 0);
        }
        n.putNull("edited_at");
        n.put("content", p.isRepost() ? "" : ContentHtml.render(p.segments(), directory.baseUrl(servingDomain), this::mentionTarget));
        if (p.isRepost()) {
            n.set("reblog", status(population.post(p.repostOf().get()).orElseThrow(), servingDomain));
        } else {
            n.putNull("reblog");
        }
        n.putObject("application").put("name", "Web").putNull("website");
        n.set("account", account(author, servingDomain));
        n.putArray("media_attachments");
        ArrayNode mentions = n.putArray("mentions");
        ArrayNode tags = n.putArray("tags");
        String firstLink = null;
        for (Segment s : p.segments()) {
            if (s instanceof Segment.Mention m) {
                SimAccount target = population.account(m.accountIndex());
                mentions.addObject().put("id", MastodonDirectory.accountId(target)).put("username", target.username())
                        .put("url", directory.profileUrl(target))
                        .put("acct", target.domain().equals(servingDomain) ? target.username() : target.handle());
            } else if (s instanceof Segment.Hashtag h) {
                String name = h.tag().toLowerCase(Locale.ROOT);
                tags.addObject().put("name", name).put("url", directory.baseUrl(servingDomain) + "/tags/" + name);
            } else if (s instanceof Segment.Link l && firstLink == null) {
                firstLink = l.url();
            }
        }
        n.putArray("emojis");
        if (firstLink == null) {
            n.putNull("card");
        } else {
            ObjectNode card = n.putObject("card");
            card.put("url", firstLink).put("title", "Shop the look").put("description", "").put("type", "link")
                    .put("author_name", "").put("author_url", "").put("provider_name", "").put("provider_url", "")
                    .put("html", "").put("width", 0).put("height", 0).putNull("image").put("embed_url", "")
                    .putNull("blurhash");
        }
        n.putNull("poll");
        return n;
    }

    private String[] mentionTarget(int index) {
        SimAccount a = population.account(index);
        return new String[] {directory.profileUrl(a), a.username()};
    }

    static String time(Instant t) {
        return TIME.format(t);
    }
}

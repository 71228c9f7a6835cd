package dev.scout.simnet.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.simnet.http.LiveChanges;
import dev.scout.simnet.population.Population;
import dev.scout.simnet.population.Segment;
import dev.scout.simnet.population.SimAccount;
import dev.scout.simnet.population.SimPost;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes profile pages: escaped HTML, OpenGraph meta tags and (per {@link PageStyle}) ProfilePage JSON-LD with
 * {@code interactionStatistic} as an array and {@code agentInteractionStatistic} as a single object, as in
 * Google's example. JSON inside {@code <script>} has {@code </} escaped so hostile text cannot close the block.
 */
final class PageRenderer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int POSTS_ON_PAGE = 20;

    private final Population population;
    private final ObjectMapper mapper;
    private final LiveChanges changes;

    PageRenderer(Population population, ObjectMapper mapper, LiveChanges changes) {
        this.population = population;
        this.mapper = mapper;
        this.changes = changes;
    }

    String index(String base, List<SimAccount> pages) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Creators</title></head><body><ul>");
        for (SimAccount a : pages) {
            sb.append("<li><a href=\"").append(base).append("/u/").append(escape(a.username())).append("\">")
                    .append(escape(a.displayName())).append("</a></li>");
        }
        return sb.append("</ul></body></html>").toString();
    }

    String page(String base, SimAccount a, PageStyle style) {
        String url = base + "/u/" + a.username();
        List<SimPost> posts = population.posts(a.index()).stream().filter(SimPost::isOriginal).limit(POSTS_ON_PAGE).toList();
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.append("<title>").append(escape(a.displayName())).append(" (@").append(escape(a.username())).append(")</title>");
        sb.append("<link rel=\"canonical\" href=\"").append(url).append("\">");
        if (a.flags().noindex()) {
            sb.append("<meta name=\"robots\" content=\"noindex\">");
        }
        sb.append(meta("og:type", "profile")).append(meta("og:url", url)).append(meta("og:site_name", "Creator Pages"))
                .append(meta("og:title", a.displayName())).append(meta("profile:username", a.username()))
                .append(meta("og:description", ogDescription(a)))
                .append("<meta name=\"twitter:card\" content=\"summary\">");
        if (style != PageStyle.OPEN_GRAPH_ONLY) {
            String json = style == PageStyle.GRAPH ? graph(url, a, posts) : inline(url, a, posts);
            if (style == PageStyle.TRAILING_COMMA) {
                // A real template renders "}," before the closing "]" (reference §4.2); lenient parsers must cope.
                json = json.endsWith("}]}") ? json.substring(0, json.length() - 2) + ",]}" : json;
            }
            sb.append("<script type=\"application/ld+json\">").append(json.replace("</", "<\\/")).append("</script>");
        }
        sb.append("</head><body><main><h1>").append(escape(a.displayName())).append("</h1><p class=\"bio\">")
                .append(escape(a.bio())).append("</p>");
        if (style != PageStyle.OPEN_GRAPH_ONLY) {
            for (SimPost p : posts) {
                sb.append("<article><time datetime=\"").append(TIME.format(p.createdAt())).append("\"></time><p>")
                        .append(escape(text(p))).append("</p></article>");
            }
        }
        return sb.append("</main></body></html>").toString();
    }

    private String inline(String url, SimAccount a, List<SimPost> posts) {
        ObjectNode root = mapper.createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", "ProfilePage");
        root.put("url", url);
        root.put("dateCreated", TIME.format(a.createdAt()));
        root.put("dateModified", TIME.format(posts.isEmpty() ? a.createdAt() : posts.get(0).createdAt()));
        root.set("mainEntity", person(url, a));
        root.set("hasPart", postings(url, posts));
        return write(root);
    }

    private String graph(String url, SimAccount a, List<SimPost> posts) {
        ObjectNode root = mapper.createObjectNode();
        root.put("@context", "https://schema.org");
        ArrayNode graph = root.putArray("@graph");
        ObjectNode page = graph.addObject();
        page.put("@type", "ProfilePage");
        page.put("@id", url);
        page.putObject("mainEntity").put("@id", url + "#person");
        page.set("hasPart", postings(url, posts));
        graph.add(person(url, a));
        return write(root);
    }

    private ObjectNode person(String url, SimAccount a) {
        ObjectNode p = mapper.createObjectNode();
        p.put("@type", "Person");
        p.put("@id", url + "#person");
        p.put("name", a.displayName());
        p.put("alternateName", "@" + a.username());
        p.put("identifier", "creator-" + (100_000 + a.index()));
        p.put("description", a.bio());
        p.put("image", url + "/avatar.jpg");
        ArrayNode sameAs = p.putArray("sameAs");
        a.website().ifPresent(sameAs::add);
        ArrayNode stats = p.putArray("interactionStatistic");
        stats.add(counter("FollowAction", changes.followers(a)));
        long likes = population.posts(a.index()).stream().mapToLong(SimPost::likes).sum();
        stats.add(counter("LikeAction", likes));
        p.set("agentInteractionStatistic", counter("WriteAction", population.posts(a.index()).size()));
        return p;
    }

    private ArrayNode postings(String url, List<SimPost> posts) {
        ArrayNode parts = mapper.createArrayNode();
        for (SimPost post : posts) {
            ObjectNode n = parts.addObject();
            n.put("@type", "SocialMediaPosting");
            n.put("url", url + "/posts/" + post.id());
            String text = text(post);
            n.put("headline", text.length() > 110 ? text.substring(0, 110) : text);
            n.put("articleBody", text);
            n.put("datePublished", TIME.format(post.createdAt()));
            n.putObject("author").put("@id", url + "#person");
            ArrayNode stats = n.putArray("interactionStatistic");
            stats.add(counter("LikeAction", post.likes()));
            stats.add(counter("CommentAction", post.replies()));
            stats.add(counter("ShareAction", post.shares()));
        }
        return parts;
    }

    private ObjectNode counter(String action, long count) {
        return mapper.createObjectNode().put("@type", "InteractionCounter")
                .put("interactionType", "https://schema.org/" + action).put("userInteractionCount", count);
    }

    /** Post text as the page shows it: hashtags with {@code #}, mentions as {@code @name}, links in full. */
    String text(SimPost p) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : p.segments()) {
            if (s instanceof Segment.Text t) {
                sb.append(t.text());
            } else if (s instanceof Segment.Hashtag h) {
                sb.append('#').append(h.tag());
            } else if (s instanceof Segment.Mention m) {
                SimAccount target = population.account(m.accountIndex());
                sb.append('@').append(target.handle());
            } else if (s instanceof Segment.Link l) {
                sb.append(l.url());
            }
        }
        return sb.toString().strip();
    }

    private String ogDescription(SimAccount a) {
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.US);
        return f.format(changes.followers(a)) + " Followers, " + f.format(a.following()) + " Following, "
                + f.format(population.posts(a.index()).size()) + " Posts · " + a.bio();
    }

    private String write(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise a simulated profile page", e);
        }
    }

    private static String meta(String property, String content) {
        return "<meta property=\"" + property + "\" content=\"" + escape(content) + "\">";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
